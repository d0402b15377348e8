# Plan-level tests of the bootstrap stack: names from the environment data,
# dev vs prod differences, common tags.

mock_provider "aws" {
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
}

run "dev_us_east_1" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = output.state_bucket_name == "ecom-dev-us-east-1-tfstate-111111111111"
    error_message = "the bucket must be the environment's state bucket of the region"
  }

  assert {
    condition     = output.state_kms_key_alias == "alias/ecom-dev-tfstate"
    error_message = "the key alias must be the environment's state_key_alias"
  }

  assert {
    condition     = module.state_bucket.force_destroy && module.state_bucket.kms_deletion_window_days == 7
    error_message = "dev (non-production): force_destroy on, deletion window from security.kms_deletion_window_days (7)"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-bootstrap" && module.environment.tags.ManagedBy == "terraform"
    error_message = "the stack's common tags must name it dev-us-east-1-bootstrap"
  }
}

run "prod_us_west_2" {
  command = plan

  variables {
    environment = "prod"
    region      = "us-west-2"
  }

  assert {
    condition     = output.state_bucket_name == "ecom-prod-us-west-2-tfstate-333333333333" && output.state_kms_key_alias == "alias/ecom-prod-tfstate"
    error_message = "prod us-west-2 must use its own region's bucket name and the prod alias"
  }

  assert {
    condition     = !module.state_bucket.force_destroy
    error_message = "production state must never be destroyable with the bucket (force_destroy = false)"
  }

  assert {
    condition     = module.state_bucket.kms_deletion_window_days == 30
    error_message = "prod deletion window must be 30 days"
  }

  assert {
    condition     = module.environment.tags.Stack == "prod-us-west-2-bootstrap" && module.environment.tags.Environment == "prod" && module.environment.account_id == "333333333333"
    error_message = "prod tags and account must come from prod.json"
  }
}

run "staging_window" {
  command = plan

  variables {
    environment = "staging"
    region      = "us-east-1"
  }

  assert {
    condition     = module.state_bucket.force_destroy && module.state_bucket.kms_deletion_window_days == 14
    error_message = "staging is non-production with a 14-day deletion window"
  }
}
