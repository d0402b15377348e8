# The global stack per environment: what differs between dev and prod, tags, trust, policies.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

run "dev" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = module.environment.stack_id == "dev-global-global" && module.environment.tags.Stack == "dev-global-global" && module.environment.tags.Region == "global"
    error_message = "the stack id and the Stack tag are <env>-global-global"
  }

  assert {
    condition = jsonencode(module.environment.tags) == jsonencode({
      CostCenter = "CC-1042", Environment = "dev", ManagedBy = "terraform", Owner = "platform-team", Project = "ecom", Region = "global", Stack = "dev-global-global"
    })
    error_message = "the provider's default tags are the environment's common tags"
  }

  assert {
    condition     = module.audit.bucket_force_destroy && module.audit.retention_days == 90
    error_message = "dev's audit bucket can be destroyed and keeps 90 days"
  }

  assert {
    condition     = output.audit_bucket_name == "ecom-dev-audit-111111111111"
    error_message = "the audit bucket is <project>-<env>-audit-<account>"
  }

  assert {
    condition     = module.github_oidc.trusted_subjects.plan == ["repo:acme-shop/ecommerce-platform:pull_request", "repo:acme-shop/ecommerce-platform:ref:refs/heads/main"]
    error_message = "plan trusts pull requests and main only"
  }

  assert {
    condition     = module.github_oidc.trusted_subjects.apply == ["repo:acme-shop/ecommerce-platform:environment:dev"]
    error_message = "dev apply trusts the dev environment only"
  }

  assert {
    condition = alltrue(flatten([for statements in concat(values(module.audit.policy_statements), values(module.github_oidc.policy_statements)) : [
      for s in statements : !(contains(coalesce(s.actions, []), "*") && contains(coalesce(s.resources, []), "*"))
    ]]))
    error_message = "no policy document allows * on *"
  }

  assert {
    condition = jsonencode([for s in module.github_oidc.policy_statements.plan : sort(s.resources) if s.sid == "HoldStateLocks"]) == jsonencode([[
      "arn:aws:s3:::ecom-dev-us-east-1-tfstate-111111111111/*.tflock", "arn:aws:s3:::ecom-dev-us-west-2-tfstate-111111111111/*.tflock",
    ]])
    error_message = "plan holds locks in the environment's state buckets (from the environment module)"
  }

  assert {
    condition     = jsonencode([for s in module.github_oidc.policy_statements.plan : one(s.condition).values if s.sid == "UseStateKey"]) == jsonencode([["alias/ecom-dev-tfstate"]])
    error_message = "plan uses the state key by its alias"
  }

  assert {
    condition     = jsonencode([for s in module.github_oidc.policy_statements.apply : one(s.condition).values if s.sid == "PlatformServicesInEnvironmentRegions"]) == jsonencode([["us-east-1", "us-west-2"]])
    error_message = "apply acts only in the environment's regions"
  }
}

run "prod" {
  command = plan

  variables {
    environment = "prod"
    region      = "us-east-1"
  }

  assert {
    condition     = !module.audit.bucket_force_destroy && module.audit.retention_days == 2557
    error_message = "prod's audit bucket is never force-destroyed and keeps 7 years"
  }

  assert {
    condition = jsonencode([for s in module.github_oidc.policy_statements.apply_trust : {
      for c in s.condition : c.variable => [c.test, c.values]
      }]) == jsonencode([{
      "token.actions.githubusercontent.com:aud" = ["StringEquals", ["sts.amazonaws.com"]]
      "token.actions.githubusercontent.com:sub" = ["StringEquals", ["repo:acme-shop/ecommerce-platform:environment:prod"]]
    }])
    error_message = "the prod apply role trusts only the protected prod environment (exact sub, StringEquals)"
  }

  assert {
    condition     = module.environment.tags.Environment == "prod" && module.environment.tags.Stack == "prod-global-global"
    error_message = "prod tags"
  }

  assert {
    condition = alltrue(flatten([for statements in concat(values(module.audit.policy_statements), values(module.github_oidc.policy_statements)) : [
      for s in statements : !(contains(coalesce(s.actions, []), "*") && contains(coalesce(s.resources, []), "*"))
    ]]))
    error_message = "no policy document allows * on *"
  }
}

run "staging_outside_primary_region_warns" {
  command = plan

  variables {
    environment = "staging"
    region      = "us-west-2"
  }

  expect_failures = [check.runs_in_primary_region]
}

run "cost_controls_from_environment_data" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = module.cost_controls.budget_limit_usd == 1500 && output.budget_name == "ecom-dev-monthly"
    error_message = "dev budget is cost.monthly_budget_usd (1,500 USD), named <prefix>-monthly"
  }

  assert {
    condition     = toset([for n in module.cost_controls.notifications : "${n.type}:${n.threshold}"]) == toset(["FORECASTED:80", "FORECASTED:100", "ACTUAL:100"])
    error_message = "alerts at 80% and 100% of the forecast and 100% of actual spend"
  }

  assert {
    condition     = toset(module.cost_controls.cost_allocation_tags) == toset(["CostCenter", "Environment", "Owner", "Project", "Region", "Stack"])
    error_message = "the common tags are cost allocation tags"
  }
}

run "cost_controls_prod" {
  command = plan

  variables {
    environment = "prod"
    region      = "us-east-1"
  }

  assert {
    condition     = module.cost_controls.budget_limit_usd == 26000
    error_message = "prod's budget is cost.monthly_budget_usd"
  }
}
