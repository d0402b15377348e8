# Routing, NACLs, endpoints and the locked defaults. These runs use
# `command = apply` against the mocked provider (nothing real is created) so
# that ids, and the computed rule sets of the default SG and NACL, are known.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "routing_and_fences" {
  command = apply

  variables {
    interface_endpoints = ["sts", "logs", "ecr.api"]
  }

  assert {
    condition     = aws_route.public_internet.destination_cidr_block == "0.0.0.0/0" && length(aws_route_table_association.public) == 3
    error_message = "the public route table must route 0.0.0.0/0 (to the internet gateway) and serve the three public subnets"
  }

  assert {
    condition     = length(aws_route_table.private) == 3 && length(aws_route_table_association.private) == 3
    error_message = "one private route table per AZ"
  }

  assert {
    condition     = length(aws_route_table_association.data) == 3 && alltrue([for r in aws_route_table.data.route : r.cidr_block != "0.0.0.0/0"]) && alltrue([for a in aws_route_table_association.data : a.route_table_id == aws_route_table.data.id])
    error_message = "the data route table must have no 0.0.0.0/0 route"
  }

  assert {
    condition     = !contains(concat([for r in aws_route.private_nat : r.route_table_id], [aws_route.public_internet.route_table_id]), aws_route_table.data.id)
    error_message = "no 0.0.0.0/0 route (NAT or internet gateway) may target the data route table"
  }

  assert {
    condition     = keys(aws_vpc_endpoint.gateway) == ["dynamodb", "s3"] && alltrue([for e in aws_vpc_endpoint.gateway : e.vpc_endpoint_type == "Gateway" && toset(e.route_table_ids) == toset(concat(values(aws_route_table.private)[*].id, [aws_route_table.data.id]))])
    error_message = "S3 and DynamoDB gateway endpoints must serve the 3 private route tables and the data route table"
  }

  assert {
    condition     = aws_vpc_endpoint.gateway["s3"].service_name == "com.amazonaws.us-east-1.s3"
    error_message = "gateway endpoint service names must follow the region"
  }

  assert {
    condition = keys(aws_vpc_endpoint.interface) == ["ecr.api", "logs", "sts"] && alltrue([
      for e in aws_vpc_endpoint.interface : e.private_dns_enabled && e.vpc_endpoint_type == "Interface" && toset(e.subnet_ids) == toset(values(aws_subnet.private)[*].id)
    ])
    error_message = "each listed service needs an interface endpoint with private DNS in the three private subnets"
  }

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.endpoints_https[0].cidr_ipv4 == "10.10.0.0/16" &&
      aws_vpc_security_group_ingress_rule.endpoints_https[0].from_port == 443 &&
      aws_vpc_security_group_ingress_rule.endpoints_https[0].to_port == 443 &&
      aws_vpc_security_group_ingress_rule.endpoints_https[0].ip_protocol == "tcp"
    )
    error_message = "the endpoints' security group must allow only 443/tcp from the VPC CIDR"
  }

  assert {
    condition     = length(aws_security_group.endpoints[0].ingress) == 0 && length(aws_security_group.endpoints[0].egress) == 0
    error_message = "the endpoints' security group must have no other rules"
  }

  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "the default security group must have no rules"
  }

  assert {
    condition     = length(aws_default_network_acl.this.ingress) == 0 && length(aws_default_network_acl.this.egress) == 0
    error_message = "the default network ACL must have no rules"
  }
}

run "data_nacl_only_private_and_data" {
  command = apply

  assert {
    condition = toset([for r in aws_network_acl.data.ingress : r.cidr_block]) == toset([
      "10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18", "10.10.204.0/22", "10.10.208.0/22", "10.10.212.0/22",
    ])
    error_message = "data subnets may accept traffic only from the private and data subnets"
  }

  assert {
    condition     = toset([for r in aws_network_acl.data.egress : r.cidr_block]) == toset([for r in aws_network_acl.data.ingress : r.cidr_block])
    error_message = "data subnets may reply only to the private and data subnets"
  }

  assert {
    condition     = alltrue([for r in setunion(aws_network_acl.data.ingress, aws_network_acl.data.egress) : r.action == "allow" && r.cidr_block != "0.0.0.0/0"])
    error_message = "data NACL rules must be allows of VPC subnets only (the implicit deny does the rest)"
  }

  assert {
    condition     = length(aws_network_acl.data.ingress) == 6 && length(aws_network_acl.open["public"].ingress) == 2 && length(aws_network_acl.open["private"].ingress) == 2
    error_message = "NACL rule counts are wrong"
  }
}

run "no_interface_endpoints" {
  command = apply

  assert {
    condition     = length(aws_vpc_endpoint.interface) == 0 && length(aws_security_group.endpoints) == 0 && output.endpoints_security_group_id == null
    error_message = "without interface endpoints there is no endpoint security group"
  }
}
