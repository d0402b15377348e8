# Sizing per environment and the domain's protections, on the mocked provider
# (the dev run applies on the mocks so the admin role's ARN is known).

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-dev-use1"
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  client_security_group_ids = ["sg-0000000000000000w"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  cluster = {
    instance_type   = "t3.small.search"
    instance_count  = 2
    az_count        = 2
    volume_size_gib = 20
  }
}

run "dev_two_nodes_two_azs" {
  command = apply

  assert {
    condition     = output.configuration.instance_count == 2 && output.configuration.zone_awareness && output.configuration.az_count == 2 && output.configuration.subnet_count == 2
    error_message = "dev: two data nodes spread over two AZs (two subnets)"
  }

  assert {
    condition     = output.configuration.dedicated_masters == 0 && output.configuration.master_instance_type == null
    error_message = "dev has no dedicated masters"
  }

  assert {
    condition     = output.configuration.volume_type == "gp3" && output.configuration.volume_size_gib == 20
    error_message = "data nodes have gp3 volumes of the given size"
  }

  assert {
    condition     = output.configuration.encrypt_at_rest && output.configuration.node_to_node
    error_message = "encryption at rest and node to node are always on"
  }

  assert {
    condition     = output.configuration.enforce_https && output.configuration.tls_security_policy == "Policy-Min-TLS-1-2-PFS-2023-10"
    error_message = "HTTPS only, TLS 1.2 or later"
  }

  assert {
    condition     = output.configuration.fine_grained_access && !output.configuration.internal_user_db && !output.configuration.anonymous_auth
    error_message = "fine-grained access control with an IAM master user: no internal user database, no anonymous access"
  }

  assert {
    condition     = output.configuration.log_types == tolist(["AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"]) && output.configuration.log_retention_days == tolist([30])
    error_message = "four log types are published to log groups kept 30 days"
  }

  assert {
    condition     = alltrue([for g in aws_cloudwatch_log_group.this : g.kms_key_id == var.logs_kms_key_arn])
    error_message = "every log group is encrypted with the logs key"
  }

  assert {
    condition     = one(aws_opensearch_domain.this.encrypt_at_rest).kms_key_id == var.kms_key_arn
    error_message = "the domain is encrypted with the data key"
  }

  assert {
    condition     = length(aws_iam_role.master) == 1 && output.master_user_arn == "arn:aws:iam::111111111111:role/ecom-dev-use1-opensearch-admin"
    error_message = "without master_user_arn the module creates the admin role and makes it the master user"
  }

  assert {
    condition     = output.port == 443 && length(aws_vpc_security_group_ingress_rule.clients) == 1 && aws_vpc_security_group_ingress_rule.clients["0"].from_port == 443 && aws_vpc_security_group_ingress_rule.clients["0"].to_port == 443 && aws_vpc_security_group_ingress_rule.clients["0"].referenced_security_group_id == "sg-0000000000000000w"
    error_message = "the domain admits HTTPS (443) from the workload security group only"
  }

  assert {
    condition     = aws_cloudwatch_log_resource_policy.this.policy_name == "ecom-dev-use1-opensearch-logs"
    error_message = "OpenSearch may write to its log groups through a log resource policy"
  }
}

run "prod_three_azs_with_masters" {
  command = plan

  variables {
    name          = "ecom-prod-use1"
    is_production = true
    cluster = {
      instance_type         = "r7g.xlarge.search"
      instance_count        = 6
      az_count              = 3
      master_instance_type  = "m7g.large.search"
      master_count          = 3
      volume_size_gib       = 500
      volume_iops           = 6000
      volume_throughput_mib = 250
    }
    master_user_arn    = "arn:aws:iam::333333333333:role/search-admin"
    log_retention_days = 365
  }

  assert {
    condition     = output.configuration.instance_count == 6 && output.configuration.az_count == 3 && output.configuration.subnet_count == 3
    error_message = "prod: six data nodes over three AZs"
  }

  assert {
    condition     = output.configuration.dedicated_masters == 3 && output.configuration.master_instance_type == "m7g.large.search"
    error_message = "prod has three dedicated masters"
  }

  assert {
    condition     = one(aws_opensearch_domain.this.ebs_options).iops == 6000 && one(aws_opensearch_domain.this.ebs_options).throughput == 250
    error_message = "gp3 IOPS and throughput follow the sizing"
  }

  assert {
    condition     = length(aws_iam_role.master) == 0 && output.master_user_arn == "arn:aws:iam::333333333333:role/search-admin"
    error_message = "a given master_user_arn is used and no admin role is created"
  }

  assert {
    condition     = output.configuration.log_retention_days == tolist([365])
    error_message = "log retention follows the input"
  }
}

run "single_az_has_no_zone_awareness" {
  command = plan

  variables {
    cluster = {
      instance_type   = "t3.small.search"
      instance_count  = 1
      az_count        = 1
      volume_size_gib = 10
    }
  }

  assert {
    condition     = !output.configuration.zone_awareness && output.configuration.subnet_count == 1 && length(one(aws_opensearch_domain.this.cluster_config).zone_awareness_config) == 0
    error_message = "one AZ: no zone awareness, one subnet"
  }
}
