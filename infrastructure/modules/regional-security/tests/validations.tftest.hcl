mock_provider "aws" {}

variables {
  name_prefix = "ecom-dev"
  config = {
    role_arn       = "arn:aws:iam::111111111111:role/ecom-dev-config"
    s3_bucket_name = "ecom-dev-audit-111111111111"
  }
}

run "config_needs_role_and_bucket" {
  command = plan

  variables {
    config = { enabled = true }
  }

  expect_failures = [var.config]
}

run "bad_delivery_frequency" {
  command = plan

  variables {
    config = {
      role_arn           = "arn:aws:iam::111111111111:role/ecom-dev-config"
      s3_bucket_name     = "ecom-dev-audit-111111111111"
      delivery_frequency = "Daily"
    }
  }

  expect_failures = [var.config]
}

run "bad_publishing_frequency" {
  command = plan

  variables {
    guardduty = { finding_publishing_frequency = "DAILY" }
  }

  expect_failures = [var.guardduty]
}

run "bad_feature_status" {
  command = plan

  variables {
    guardduty = { features = { S3_DATA_EVENTS = "ON" } }
  }

  expect_failures = [var.guardduty]
}
