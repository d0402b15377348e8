# The regional audit stack: the Config recorder per environment and region, its
# delivery into the audit bucket, global resource types only in the primary
# region, and the validation of the inputs from the global stack.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  audit_bucket_name = "ecom-dev-audit-111111111111"
  config_role_arn   = "arn:aws:iam::111111111111:role/ecom-dev-config"
}

run "dev_primary" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = output.config_delivery_prefix == "config/us-east-1" && output.config_recorder_name == "ecom-dev"
    error_message = "Config delivers to config/<region> of the audit bucket"
  }

  assert {
    condition     = module.config_recorder.config_records_global_resource_types == true
    error_message = "the primary region records global resource types"
  }

  assert {
    condition     = module.config_recorder.guardduty_detector_id == null && module.config_recorder.access_analyzer_arn == null
    error_message = "GuardDuty and Access Analyzer are the security stack's, not created twice"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-audit"
    error_message = "the Stack tag is dev-us-east-1-audit"
  }
}

run "prod_secondary" {
  command = plan

  variables {
    environment       = "prod"
    region            = "us-west-2"
    audit_bucket_name = "ecom-prod-audit-333333333333"
    config_role_arn   = "arn:aws:iam::333333333333:role/ecom-prod-config"
  }

  override_data {
    target = module.config_recorder.data.aws_region.current
    values = { name = "us-west-2" }
  }

  assert {
    condition     = output.config_delivery_prefix == "config/us-west-2"
    error_message = "the secondary region delivers under its own prefix"
  }

  assert {
    condition     = module.config_recorder.config_records_global_resource_types == false
    error_message = "a secondary region does not record global resource types again"
  }
}

run "bucket_name_rejected" {
  command = plan

  variables {
    environment       = "dev"
    region            = "us-east-1"
    audit_bucket_name = "Audit_Bucket"
  }

  expect_failures = [var.audit_bucket_name]
}

run "role_arn_rejected" {
  command = plan

  variables {
    environment     = "dev"
    region          = "us-east-1"
    config_role_arn = "arn:aws:iam::111111111111:user/someone"
  }

  expect_failures = [var.config_role_arn]
}

run "role_arn_needs_account" {
  command = plan

  variables {
    environment     = "dev"
    region          = "us-east-1"
    config_role_arn = "ecom-dev-config"
  }

  expect_failures = [var.config_role_arn]
}
