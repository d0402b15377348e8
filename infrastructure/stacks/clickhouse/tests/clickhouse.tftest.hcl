# Plan-level tests of the clickhouse stack: shape and sizing from each
# environment's data, production protections, tags, and the input
# validation (mocked provider; apply on mocks so addresses are known).

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

  mock_data "aws_subnet" {
    defaults = { availability_zone = "us-east-1a" }
  }

  mock_data "aws_ssm_parameter" {
    defaults = { insecure_value = "ami-0123456789abcdef0", value = "ami-0123456789abcdef0" }
  }

  mock_data "aws_ec2_managed_prefix_list" {
    defaults = { id = "pl-63a5400a" }
  }

  mock_resource "aws_network_interface" {
    defaults = { private_ip = "10.10.200.10" }
  }

  mock_resource "aws_iam_instance_profile" {
    defaults = { arn = "arn:aws:iam::111111111111:instance-profile/ecom-dev-us-east-1-clickhouse-node" }
  }

  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-clickhouse-node" }
  }

  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::ecom-dev-us-east-1-clickhouse-backups-111111111111" }
  }

  mock_resource "aws_launch_template" {
    defaults = { id = "lt-0123456789abcdef0", latest_version = 1 }
  }
}

variables {
  vpc_id                     = "vpc-0123456789abcdef0"
  data_subnet_ids            = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  workload_security_group_id = "sg-0123456789abcdef0"
  data_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  backup_plan_name           = "ecom-dev-us-east-1-data"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = length(output.servers) == 1 && length(output.keepers) == 1 && output.port == 9440
    error_message = "dev: one server and one keeper (dev.json), clients on 9440"
  }

  assert {
    condition     = output.backup_bucket_name == "ecom-dev-us-east-1-clickhouse-backups-111111111111" && output.cluster_name == "ecom_dev_us_east_1"
    error_message = "names follow the regional prefix and the account"
  }

  assert {
    condition     = module.clickhouse.user_data["s1-r1"] != "" && strcontains(module.clickhouse.user_data["s1-r1"], "VERSION=25.8")
    error_message = "the nodes install the version of the environment data"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-clickhouse"
    error_message = "the provider's default tags name dev-us-east-1-clickhouse"
  }
}

run "staging_two_by_two" {
  command = apply

  variables {
    environment = "staging"
    region      = "us-east-1"
  }

  assert {
    condition     = length(output.servers) == 4 && length(output.keepers) == 3
    error_message = "staging: 2 shards x 2 replicas and 3 keepers (staging.json)"
  }
}

run "prod_us_west_2" {
  command = apply

  variables {
    environment      = "prod"
    region           = "us-west-2"
    data_kms_key_arn = "arn:aws:kms:us-west-2:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    backup_plan_name = "ecom-prod-us-west-2-data"
  }

  override_data {
    target = module.clickhouse.data.aws_region.current
    values = { name = "us-west-2" }
  }

  assert {
    condition     = length(output.servers) == 6 && length(output.keepers) == 3 && length([for s in output.servers : s if s.shard == 3]) == 2
    error_message = "prod: 3 shards x 2 replicas and 3 keepers (prod.json)"
  }

  assert {
    condition     = output.backup_bucket_name == "ecom-prod-us-west-2-clickhouse-backups-333333333333"
    error_message = "the prod us-west-2 bucket is named after its region and account"
  }

  assert {
    condition     = alltrue([for v in module.clickhouse.server_xml : strcontains(v, "https://ecom-prod-us-west-2-clickhouse-backups-333333333333.s3.us-west-2.amazonaws.com/backups/")])
    error_message = "every server backs up to its own region's bucket"
  }
}

run "workload_group_must_be_a_group_id" {
  command = plan

  variables {
    environment                = "dev"
    region                     = "us-east-1"
    workload_security_group_id = "10.0.0.0/8"
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
