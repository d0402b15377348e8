mock_provider "aws" {}

variables {
  name_prefix = "ecom-dev"
}

run "deletion_window_below_7" {
  command = plan

  variables {
    deletion_window_in_days = 6
  }

  expect_failures = [var.deletion_window_in_days]
}

run "deletion_window_above_30" {
  command = plan

  variables {
    deletion_window_in_days = 31
  }

  expect_failures = [var.deletion_window_in_days]
}

run "bad_class_name" {
  command = plan

  variables {
    keys = { "Logs Class" = {} }
  }

  expect_failures = [var.keys]
}

run "reserved_prefix" {
  command = plan

  variables {
    name_prefix = "aws-platform"
  }

  expect_failures = [var.name_prefix]
}

run "principal_not_a_role_arn" {
  command = plan

  variables {
    keys = { secrets = { principal_arns = ["arn:aws:iam::111111111111:user/admin"] } }
  }

  expect_failures = [var.keys]
}
