# The backup stack: the copy goes to the other region's vault, retention per
# environment, and the input validation.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "333333333333"
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
      arn = "arn:aws:iam::333333333333:role/mock-backup"
    }
  }
}

variables {
  data_kms_key_arn = "arn:aws:kms:us-east-1:333333333333:key/11111111-1111-1111-1111-111111111111"
}

run "prod_us_east_1_copies_to_us_west_2" {
  command = apply

  variables {
    environment = "prod"
    region      = "us-east-1"
  }

  assert {
    condition     = output.plan_name == "ecom-prod-us-east-1-data" && local.destination == "arn:aws:backup:us-west-2:333333333333:backup-vault:ecom-prod-us-west-2-data"
    error_message = "prod us-east-1 copies to the us-west-2 vault"
  }

  assert {
    condition     = local.settings.daily_retention_days == 35 && local.settings.continuous_retention_days == 35
    error_message = "prod keeps 35 days"
  }
}

run "dev_us_west_2_copies_to_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-west-2"
  }

  assert {
    condition     = local.destination == "arn:aws:backup:us-east-1:333333333333:backup-vault:ecom-dev-us-east-1-data"
    error_message = "us-west-2 copies back to us-east-1"
  }
}

run "kms_key_not_an_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    data_kms_key_arn = "alias/data"
  }

  expect_failures = [var.data_kms_key_arn]
}
