# The workload security group: egress only to the data subnets, one rule per
# store and AZ, on the store's port.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "egress_to_data_subnets_only" {
  command = plan

  assert {
    condition     = length(aws_vpc_security_group_egress_rule.workload_data) == 15
    error_message = "Expected one egress rule per store (5) and AZ (3)."
  }

  assert {
    condition = alltrue([
      for r in aws_vpc_security_group_egress_rule.workload_data :
      contains(local.data_cidrs, r.cidr_ipv4) && r.from_port == r.to_port && r.ip_protocol == "tcp"
    ])
    error_message = "Every workload egress rule must target one data subnet on one TCP port."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.workload_data["postgres-us-east-1a"].from_port == 5432
    error_message = "PostgreSQL must be reached on 5432."
  }

  assert {
    condition     = aws_security_group.workload.name == "ecom-dev-us-east-1-workload"
    error_message = "The workload security group is named after the network."
  }
}

run "ports_follow_the_map" {
  command = plan

  variables {
    az_count   = 2
    data_ports = { postgres = 5432 }
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_egress_rule.workload_data)) == toset(["postgres-us-east-1a", "postgres-us-east-1b"])
    error_message = "Rules must follow data_ports and the AZs in use."
  }
}
