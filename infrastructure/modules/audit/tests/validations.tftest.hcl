mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name_prefix = "ecom-dev"
  retention   = { days = 90 }
}

run "key_required_when_not_created" {
  command = plan

  variables {
    create_kms_key = false
  }

  expect_failures = [var.kms_key_arn]
}

run "short_password" {
  command = plan

  variables {
    password_policy = { minimum_length = 8 }
  }

  expect_failures = [var.password_policy]
}

run "reuse_prevention_above_24" {
  command = plan

  variables {
    password_policy = { reuse_prevention = 25 }
  }

  expect_failures = [var.password_policy]
}

run "retention_zero" {
  command = plan

  variables {
    retention = { days = 0 }
  }

  expect_failures = [var.retention]
}

run "log_retention_not_accepted_by_cloudwatch" {
  command = plan

  variables {
    cloudwatch_logs = { enabled = true, retention_days = 100 }
  }

  expect_failures = [var.cloudwatch_logs]
}

run "deletion_window_out_of_range" {
  command = plan

  variables {
    kms_deletion_window_in_days = 45
  }

  expect_failures = [var.kms_deletion_window_in_days]
}

run "uppercase_prefix" {
  command = plan

  variables {
    name_prefix = "Ecom-Dev"
  }

  expect_failures = [var.name_prefix]
}

run "bad_bucket_name" {
  command = plan

  variables {
    bucket_name = "Audit_Bucket"
  }

  expect_failures = [var.bucket_name]
}
