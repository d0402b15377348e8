# Regional audit layer: the AWS Config recorder of one region, delivering to the
# environment's audit bucket (global stack) with the global stack's Config role.
# Kept apart from the security layer so that the network, which needs only the
# security layer's keys, never waits for the environment-wide audit trail.

module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "audit"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

module "config_recorder" {
  source = "../../modules/regional-security"

  name_prefix            = module.environment.name_prefix
  enable_access_analyzer = false

  guardduty = {
    enabled = false
  }

  config = {
    enabled                       = module.environment.security.config_recorder
    role_arn                      = var.config_role_arn
    s3_bucket_name                = var.audit_bucket_name
    include_global_resource_types = var.region == module.environment.primary_region
  }
}
