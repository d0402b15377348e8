# Shared by every test file of the module: us-east-1, account 111111111111,
# data subnets in three AZs, the AL2023 arm64 AMI, the S3 prefix list.

mock_data "aws_region" {
  defaults = {
    name = "us-east-1"
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "111111111111"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition = "aws"
  }
}

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_data "aws_subnet" {
  defaults = {
    availability_zone = "us-east-1a"
  }
}

mock_data "aws_ssm_parameter" {
  defaults = {
    insecure_value = "ami-0123456789abcdef0"
    value          = "ami-0123456789abcdef0"
  }
}

mock_data "aws_ec2_managed_prefix_list" {
  defaults = {
    id = "pl-63a5400a"
  }
}

mock_resource "aws_network_interface" {
  defaults = {
    private_ip = "10.10.200.10"
  }
}

mock_resource "aws_iam_instance_profile" {
  defaults = {
    arn = "arn:aws:iam::111111111111:instance-profile/ecom-dev-us-east-1-clickhouse-node"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-clickhouse-node"
  }
}

mock_resource "aws_s3_bucket" {
  defaults = {
    arn = "arn:aws:s3:::ecom-dev-us-east-1-clickhouse-backups-111111111111"
  }
}

mock_resource "aws_launch_template" {
  defaults = {
    id             = "lt-0123456789abcdef0"
    latest_version = 1
  }
}
