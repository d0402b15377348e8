# Every validation rule of the module fails on a bad value.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111111111111"
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
}

variables {
  bucket_name   = "ecom-dev-us-east-1-tfstate-111111111111"
  kms_key_alias = "alias/ecom-dev-tfstate"
}

run "bucket_name_uppercase" {
  command = plan

  variables {
    bucket_name = "Ecom-Dev-State"
  }

  expect_failures = [var.bucket_name]
}

run "bucket_name_too_long" {
  command = plan

  variables {
    bucket_name = "ecom-development-environment-us-east-1-tfstate-111111111111-extra"
  }

  expect_failures = [var.bucket_name]
}

run "alias_without_prefix" {
  command = plan

  variables {
    kms_key_alias = "ecom-dev-tfstate"
  }

  expect_failures = [var.kms_key_alias]
}

run "alias_reserved_prefix" {
  command = plan

  variables {
    kms_key_alias = "alias/aws/s3"
  }

  expect_failures = [var.kms_key_alias]
}

run "deletion_window_too_short" {
  command = plan

  variables {
    kms_deletion_window_days = 6
  }

  expect_failures = [var.kms_deletion_window_days]
}

run "deletion_window_too_long" {
  command = plan

  variables {
    kms_deletion_window_days = 31
  }

  expect_failures = [var.kms_deletion_window_days]
}

run "noncurrent_days_zero" {
  command = plan

  variables {
    noncurrent_version_expiration_days = 0
  }

  expect_failures = [var.noncurrent_version_expiration_days]
}
