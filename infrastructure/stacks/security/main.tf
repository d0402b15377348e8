# Regional security layer: KMS keys per data class, GuardDuty, AWS Config recorder and
# IAM Access Analyzer of one region.

module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "security"
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
}

module "kms" {
  source = "../../modules/kms"

  name_prefix             = module.environment.name_prefix
  deletion_window_in_days = local.security.kms_deletion_window_days

  keys = {
    logs    = { description = "${module.environment.name_prefix} logs (CloudWatch Logs, VPC flow logs)" }
    data    = { description = "${module.environment.name_prefix} data at rest (RDS, ElastiCache, MSK, OpenSearch, EBS)" }
    secrets = { description = "${module.environment.name_prefix} secrets (Secrets Manager)" }
  }
}

module "regional_security" {
  source = "../../modules/regional-security"

  name_prefix            = module.environment.name_prefix
  enable_access_analyzer = true

  guardduty = {
    enabled = local.security.guardduty
  }

  config = {
    enabled                       = local.security.config_recorder
    role_arn                      = var.config_role_arn
    s3_bucket_name                = var.audit_bucket_name
    include_global_resource_types = var.region == module.environment.primary_region
  }
}
