# The redis stack from the environment data: shards and replicas per
# environment, the Global Datastore in prod, and the input validation.

mock_provider "aws" {
  mock_resource "aws_security_group" {
    defaults = {
      id = "sg-0123456789abcdef0"
    }
  }

  mock_resource "aws_elasticache_global_replication_group" {
    defaults = {
      global_replication_group_id = "ldgnf-ecom-prod-us-east-1-redis"
    }
  }
}

variables {
  vpc_id                     = "vpc-0123456789abcdef0"
  data_subnet_ids            = ["subnet-0a", "subnet-0b", "subnet-0c"]
  workload_security_group_id = "sg-0aaaaaaaaaaaaaaaa"
  data_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/11111111-1111-1111-1111-111111111111"
  logs_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = module.redis.replication_group_id == "ecom-dev-us-east-1-redis" && output.global_datastore_id == "" && output.port == 6379
    error_message = "dev has a regional cache and no Global Datastore"
  }
}

run "prod_us_east_1_creates_global_datastore" {
  command = apply

  variables {
    environment = "prod"
    region      = "us-east-1"
  }

  assert {
    condition     = output.global_datastore_id == "ldgnf-ecom-prod-us-east-1-redis"
    error_message = "prod us-east-1 creates the Global Datastore"
  }

  assert {
    condition     = alltrue([for g in module.redis.log_groups : g.retention_in_days == 365])
    error_message = "prod keeps the Redis slow and engine logs for a year (security.log_retention_days)"
  }
}

run "prod_us_west_2_joins" {
  command = apply

  variables {
    environment         = "prod"
    region              = "us-west-2"
    global_datastore_id = "ldgnf-ecom-prod-us-east-1-redis"
  }

  assert {
    condition     = output.global_datastore_id == "" && output.replication_group_id == "ecom-prod-us-west-2-redis"
    error_message = "prod us-west-2 joins the Global Datastore instead of creating one"
  }
}

run "workload_group_not_a_group" {
  command = plan

  variables {
    environment                = "dev"
    region                     = "us-east-1"
    workload_security_group_id = "workers"
  }

  expect_failures = [var.workload_security_group_id]
}

run "dev_us_west_2_ignores_the_empty_global_id" {
  command = plan

  variables {
    environment         = "dev"
    region              = "us-west-2"
    global_datastore_id = ""
  }

  assert {
    condition     = module.redis.replication_group_id == "ecom-dev-us-west-2-redis"
    error_message = "without a Global Datastore the second region has a cache of its own"
  }
}
