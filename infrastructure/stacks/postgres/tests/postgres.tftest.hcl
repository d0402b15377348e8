# The postgres stack from the environment data: sizing per environment, the
# role of each region, and the input validation.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
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

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111111111111:role/mock"
    }
  }

  mock_resource "aws_security_group" {
    defaults = {
      id = "sg-0123456789abcdef0"
    }
  }

  mock_resource "aws_db_instance" {
    defaults = {
      arn = "arn:aws:rds:us-east-1:111111111111:db:mock"
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-mock-AbCdEf"
        kms_key_id    = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
        secret_status = "active"
      }]
    }
  }
}

variables {
  vpc_id                     = "vpc-0123456789abcdef0"
  data_subnet_ids            = ["subnet-0a", "subnet-0b", "subnet-0c"]
  workload_security_group_id = "sg-0aaaaaaaaaaaaaaaa"
  data_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/11111111-1111-1111-1111-111111111111"
  secrets_kms_key_arn        = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
  logs_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/33333333-3333-3333-3333-333333333333"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment      = "dev"
    region           = "us-east-1"
    backup_plan_name = "ecom-dev-us-east-1-data"
  }

  assert {
    condition     = output.mode == "primary" && output.proxy_endpoint != null && length(output.replica_endpoints) == 0
    error_message = "dev us-east-1 holds the primary behind a proxy, without replicas"
  }

  assert {
    condition     = module.postgres.parameters["max_connections"] == "200"
    error_message = "max_connections comes from dev.json"
  }

  assert {
    condition     = startswith(output.master_user_secret_arn, "arn:aws:secretsmanager:") && output.port == 5432
    error_message = "the secret's ARN (never the password) and the port are outputs"
  }
}

run "dev_us_west_2_standby" {
  command = apply

  variables {
    environment      = "dev"
    region           = "us-west-2"
    backup_plan_name = "ecom-dev-us-west-2-data"
  }

  assert {
    condition     = output.mode == "standby" && output.endpoint == null && output.subnet_group_name == "ecom-dev-us-west-2-postgres"
    error_message = "dev's second region keeps only what a restore needs"
  }
}

run "prod_us_east_1" {
  command = apply

  variables {
    environment      = "prod"
    region           = "us-east-1"
    backup_plan_name = "ecom-prod-us-east-1-data"
  }

  assert {
    condition     = output.mode == "primary" && length(output.replica_endpoints) == 2
    error_message = "prod us-east-1 has the primary and two read replicas"
  }

  assert {
    condition     = module.postgres.parameters["max_connections"] == "1000"
    error_message = "max_connections comes from prod.json"
  }
}

run "prod_us_west_2_cross_region_replica" {
  command = apply

  variables {
    environment          = "prod"
    region               = "us-west-2"
    backup_plan_name     = "ecom-prod-us-west-2-data"
    data_kms_key_arn     = "arn:aws:kms:us-west-2:333333333333:key/44444444-4444-4444-4444-444444444444"
    primary_instance_arn = "arn:aws:rds:us-east-1:333333333333:db:ecom-prod-us-east-1-postgres"
  }

  assert {
    condition     = output.mode == "cross_region_replica" && output.cross_region_replica_arn != null && output.primary_instance_arn == null && output.proxy_endpoint == null
    error_message = "prod us-west-2 holds a cross-region read replica of the us-east-1 primary"
  }
}

run "kms_key_not_an_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    backup_plan_name = "ecom-dev-us-east-1-data"
    data_kms_key_arn = "alias/data"
  }

  expect_failures = [var.data_kms_key_arn]
}
