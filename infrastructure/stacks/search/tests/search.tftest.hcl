# Plan-level tests of the search stack: sizing from each environment's data,
# tags, and the input validation (mocked provider; apply on mocks where ids
# must be known).

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }

  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }

  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }

  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:us-east-1:111111111111:log-group:/aws/opensearch/ecom-dev-use1/application" }
  }

  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::111111111111:role/ecom-dev-use1-opensearch-admin" }
  }
}

variables {
  vpc_id                     = "vpc-0123456789abcdef0"
  data_subnet_ids            = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  workload_security_group_id = "sg-0123456789abcdef0"
  data_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = output.domain_name == "ecom-dev-use1" && output.port == 443
    error_message = "dev us-east-1 is the domain ecom-dev-use1 on 443"
  }

  assert {
    condition     = module.opensearch.configuration.instance_count == 2 && module.opensearch.configuration.az_count == 2 && module.opensearch.configuration.dedicated_masters == 0 && module.opensearch.configuration.instance_type == "t3.small.search"
    error_message = "dev: two t3.small.search data nodes over two AZs, no dedicated masters (dev.json)"
  }

  assert {
    condition     = module.opensearch.configuration.log_retention_days == tolist([30])
    error_message = "log retention follows security.log_retention_days (30 in dev)"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-search"
    error_message = "the provider's default tags name dev-us-east-1-search"
  }
}

run "staging_three_azs_no_masters" {
  command = plan

  variables {
    environment = "staging"
    region      = "us-east-1"
  }

  assert {
    condition     = module.opensearch.configuration.instance_count == 3 && module.opensearch.configuration.az_count == 3 && module.opensearch.configuration.dedicated_masters == 0
    error_message = "staging: three data nodes over three AZs (staging.json)"
  }
}

run "prod_us_west_2" {
  command = plan

  variables {
    environment      = "prod"
    region           = "us-west-2"
    data_kms_key_arn = "arn:aws:kms:us-west-2:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    logs_kms_key_arn = "arn:aws:kms:us-west-2:333333333333:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  assert {
    condition     = output.domain_name == "ecom-prod-usw2"
    error_message = "prod us-west-2 is the domain ecom-prod-usw2"
  }

  assert {
    condition     = module.opensearch.configuration.instance_count == 6 && module.opensearch.configuration.az_count == 3 && module.opensearch.configuration.dedicated_masters == 3 && module.opensearch.configuration.master_instance_type == "m7g.large.search"
    error_message = "prod: six data nodes over three AZs with three dedicated masters (prod.json)"
  }

  assert {
    condition     = module.opensearch.configuration.volume_size_gib == 500 && module.opensearch.configuration.log_retention_days == tolist([365])
    error_message = "prod: 500 GiB gp3 per node, logs kept 365 days"
  }
}

run "workload_group_must_be_a_group_id" {
  command = plan

  variables {
    environment                = "dev"
    region                     = "us-east-1"
    workload_security_group_id = "workload"
  }

  expect_failures = [var.workload_security_group_id]
}

run "data_key_must_be_a_key_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    data_kms_key_arn = "alias/ecom-dev-data"
  }

  expect_failures = [var.data_kms_key_arn]
}

run "logs_key_must_be_a_key_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    logs_kms_key_arn = ""
  }

  expect_failures = [var.logs_kms_key_arn]
}
