mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name_prefix = "ecom-dev"
  budget      = { monthly_limit_usd = 1200 }
}

run "bad_name_prefix" {
  command = plan

  variables {
    name_prefix = "Ecom_Dev"
  }

  expect_failures = [var.name_prefix]
}

run "limit_must_be_positive" {
  command = plan

  variables {
    budget = { monthly_limit_usd = 0 }
  }

  expect_failures = [var.budget]
}

run "threshold_out_of_range" {
  command = plan

  variables {
    budget = { monthly_limit_usd = 100, forecast_thresholds = [80, 0] }
  }

  expect_failures = [var.budget]
}

run "anomaly_threshold_too_small" {
  command = plan

  variables {
    budget = { monthly_limit_usd = 100, anomaly_threshold_usd = 0.5 }
  }

  expect_failures = [var.budget]
}

run "alert_emails_must_be_addresses" {
  command = plan

  variables {
    alert_emails = ["not-an-address"]
  }

  expect_failures = [var.alert_emails]
}
