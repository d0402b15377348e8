# Plan-level tests of the network stack: dev vs prod from the environment data,
# tags, and the input validation. Runs use `command = apply` against the mocked
# provider (nothing real is created) where ids must be known.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = {
      names = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]
    }
  }

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

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-flow-logs/ecom-dev-us-east-1"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-vpc-flow-logs"
    }
  }
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment      = "dev"
    region           = "us-east-1"
    logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  assert {
    condition     = output.vpc_cidr == "10.10.0.0/16" && length(output.azs) == 3
    error_message = "dev us-east-1 is 10.10.0.0/16 over three AZs"
  }

  assert {
    condition     = length(output.nat_gateway_ids) == 1 && length(distinct(output.nat_gateway_ids)) == 1
    error_message = "dev (nat_gateways = single) has one NAT gateway"
  }

  assert {
    condition     = output.private_subnet_cidrs == ["10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18"] && length(output.public_subnet_ids) == 3 && length(output.data_subnet_ids) == 3
    error_message = "dev subnets follow the module's layout"
  }

  assert {
    condition     = output.flow_log_group_name == "/aws/vpc-flow-logs/ecom-dev-us-east-1"
    error_message = "the flow log group is named after the regional prefix"
  }

  assert {
    condition     = length(output.endpoints_security_group_id) > 0
    error_message = "dev has interface endpoints (sts, logs), so an endpoints security group"
  }

  assert {
    condition = module.environment.tags == {
      Project     = "ecom"
      Environment = "dev"
      Region      = "us-east-1"
      Stack       = "dev-us-east-1-network"
      Owner       = "platform-team"
      CostCenter  = "CC-1042"
      ManagedBy   = "terraform"
    }
    error_message = "the provider's default tags must be the common tags of dev-us-east-1-network"
  }
}

run "prod_us_west_2" {
  command = apply

  variables {
    environment      = "prod"
    region           = "us-west-2"
    logs_kms_key_arn = "arn:aws:kms:us-west-2:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  assert {
    condition     = output.vpc_cidr == "10.31.0.0/16" && output.data_subnet_cidrs == ["10.31.204.0/22", "10.31.208.0/22", "10.31.212.0/22"]
    error_message = "prod us-west-2 is 10.31.0.0/16"
  }

  assert {
    condition     = length(output.nat_gateway_ids) == 3 && length(distinct(output.nat_gateway_ids)) == 3 && length(output.nat_public_ips) == 3
    error_message = "prod (nat_gateways = per_az) has a NAT gateway per AZ"
  }

  assert {
    condition     = length(output.private_route_table_ids) == 3
    error_message = "one private route table per AZ"
  }

  assert {
    condition     = module.environment.tags.Stack == "prod-us-west-2-network" && module.environment.tags.Environment == "prod"
    error_message = "prod tags must name prod-us-west-2-network"
  }
}

run "logs_key_must_be_a_key_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    logs_kms_key_arn = "alias/ecom-dev-logs"
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "logs_key_must_not_be_empty" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    logs_kms_key_arn = ""
  }

  expect_failures = [var.logs_kms_key_arn]
}
