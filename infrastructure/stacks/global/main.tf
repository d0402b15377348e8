# Environment-wide layer: CloudTrail and its bucket, the password policy, the AWS Config
# role, the GitHub OIDC roles and the cost controls (budget, anomaly detection, cost
# allocation tags). Runs once per environment, in the primary region.

module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "global"
  scope       = "environment"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  security = module.environment.security
  github   = module.environment.github
  cost     = module.environment.settings.cost
}

module "audit" {
  source = "../../modules/audit"

  name_prefix                 = module.environment.name_prefix
  force_destroy               = !module.environment.is_production
  kms_deletion_window_in_days = local.security.kms_deletion_window_days
  retention                   = { days = local.security.audit_log_retention_days }
  cloudwatch_logs             = { enabled = try(local.security.cloudtrail_cloudwatch_logs, false), retention_days = local.security.log_retention_days }
  enable_config_role          = local.security.config_recorder
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name_prefix        = module.environment.name_prefix
  repository         = local.github.repository
  deploy_environment = local.github.deploy_environment
  regions            = module.environment.regions
  create_provider    = try(local.github.oidc_provider_arn, null) == null
  provider_arn       = try(local.github.oidc_provider_arn, null)

  state = {
    buckets   = module.environment.state_buckets
    kms_alias = module.environment.state_key_alias
  }
}

module "cost_controls" {
  source = "../../modules/cost-controls"

  name_prefix = module.environment.name_prefix
  budget = {
    monthly_limit_usd     = local.cost.monthly_budget_usd
    forecast_thresholds   = try(local.cost.forecast_thresholds, [80, 100])
    actual_thresholds     = try(local.cost.actual_thresholds, [100])
    anomaly_threshold_usd = try(local.cost.anomaly_threshold_usd, 100)
  }
  alert_emails                = try(local.cost.alert_emails, [])
  key_deletion_window_in_days = local.security.kms_deletion_window_days
}

check "runs_in_primary_region" {
  assert {
    condition     = var.region == module.environment.primary_region
    error_message = "The global stack runs in the environment's primary region (${module.environment.primary_region}), not ${var.region}."
  }
}
