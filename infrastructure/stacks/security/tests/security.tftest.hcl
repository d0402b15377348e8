# The security stack per environment and region: deletion windows, Config placement,
# key policies, tags and the validation of the inputs from the global stack.

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
    condition     = module.kms.deletion_window_in_days == 7
    error_message = "dev keys wait 7 days before deletion"
  }

  assert {
    condition     = toset(keys(module.kms.policy_statements)) == toset(["logs", "data", "secrets"])
    error_message = "keys for logs, data and secrets"
  }

  assert {
    condition     = output.logs_kms_key_arn != null && output.data_kms_key_arn != null && output.secrets_kms_key_arn != null
    error_message = "the three key ARNs are outputs (network takes logs_kms_key_arn)"
  }

  assert {
    condition     = module.regional_security.config_delivery_prefix == "config/us-east-1" && output.config_recorder_name == "ecom-dev"
    error_message = "Config delivers to config/<region> of the audit bucket"
  }

  assert {
    condition     = module.regional_security.config_records_global_resource_types == true
    error_message = "the primary region records global resource types"
  }

  assert {
    condition     = output.guardduty_detector_id == "12abc34d567e8fa901bc2d34e56789f0"
    error_message = "GuardDuty is on in dev (security.guardduty)"
  }

  assert {
    condition = jsonencode(module.environment.tags) == jsonencode({
      CostCenter = "CC-1042", Environment = "dev", ManagedBy = "terraform", Owner = "platform-team", Project = "ecom", Region = "us-east-1", Stack = "dev-us-east-1-security"
    })
    error_message = "the provider's default tags are the environment's common tags with Stack dev-us-east-1-security"
  }

  assert {
    condition = alltrue(flatten([for class, statements in module.kms.policy_statements : [
      for s in statements : !(contains(coalesce(s.actions, []), "*") && contains(coalesce(s.resources, []), "*")) && !contains(coalesce(s.actions, []), "kms:*")
    ]]))
    error_message = "no key policy allows * (or kms:*) on *"
  }

  assert {
    condition     = jsonencode([for s in module.kms.policy_statements.logs : one(s.principals).identifiers if s.sid == "CloudWatchLogsOfThisAccount"]) == jsonencode([["logs.us-east-1.amazonaws.com"]])
    error_message = "the logs key serves CloudWatch Logs of the stack's region"
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
    target = module.regional_security.data.aws_region.current
    values = { name = "us-west-2" }
  }

  override_data {
    target = module.kms.data.aws_region.current
    values = { name = "us-west-2" }
  }

  assert {
    condition     = module.kms.deletion_window_in_days == 30
    error_message = "prod keys wait 30 days before deletion"
  }

  assert {
    condition     = module.regional_security.config_delivery_prefix == "config/us-west-2"
    error_message = "the secondary region delivers under its own prefix"
  }

  assert {
    condition     = module.regional_security.config_records_global_resource_types == false
    error_message = "a secondary region does not record global resource types again"
  }

  assert {
    condition     = module.environment.tags.Stack == "prod-us-west-2-security" && module.environment.tags.Environment == "prod"
    error_message = "prod tags"
  }

  assert {
    condition     = jsonencode([for s in module.kms.policy_statements.logs : one(s.principals).identifiers if s.sid == "CloudWatchLogsOfThisAccount"]) == jsonencode([["logs.us-west-2.amazonaws.com"]])
    error_message = "the logs key serves CloudWatch Logs of us-west-2"
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
