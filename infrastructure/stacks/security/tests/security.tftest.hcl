# The security stack per environment and region: deletion windows, key policies,
# GuardDuty and Access Analyzer on, Config left to the audit stack, tags.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
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
    condition = jsonencode([for st in module.kms.policy_statements["secrets"] : one(st.condition).values if st.sid == "UseByNamedRoles"]) == jsonencode([
      ["arn:aws:iam::111111111111:role/ecom-dev-us-east-1-cluster"]
    ])
    error_message = "the EKS cluster role of this region (stacks/eks: <regional prefix>-cluster) may use the secrets key for envelope encryption"
  }

  assert {
    condition     = output.logs_kms_key_arn != null && output.data_kms_key_arn != null && output.secrets_kms_key_arn != null
    error_message = "the three key ARNs are outputs (network takes logs_kms_key_arn)"
  }

  assert {
    condition     = module.regional_security.config_recorder_name == null
    error_message = "the Config recorder is the audit stack's, not created twice"
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
    environment = "prod"
    region      = "us-west-2"
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
    condition     = module.environment.tags.Stack == "prod-us-west-2-security" && module.environment.tags.Environment == "prod"
    error_message = "prod tags"
  }

  assert {
    condition     = jsonencode([for s in module.kms.policy_statements.logs : one(s.principals).identifiers if s.sid == "CloudWatchLogsOfThisAccount"]) == jsonencode([["logs.us-west-2.amazonaws.com"]])
    error_message = "the logs key serves CloudWatch Logs of us-west-2"
  }
}
