module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "postgres"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  settings = module.environment.settings.postgres
  primary  = var.region == module.environment.primary_region

  # The primary region holds the writer; the other region a cross-region read
  # replica (postgres.cross_region_replica) or only what a restore needs.
  mode = local.primary ? "primary" : (local.settings.cross_region_replica ? "cross_region_replica" : "standby")
}

module "postgres" {
  source = "../../modules/postgres"

  name                      = module.environment.regional_prefix
  mode                      = local.mode
  source_db_instance_arn    = local.mode == "cross_region_replica" ? var.primary_instance_arn : null
  production                = module.environment.is_production
  vpc_id                    = var.vpc_id
  subnet_ids                = var.data_subnet_ids
  client_security_group_ids = [var.workload_security_group_id]
  kms_key_arn               = var.data_kms_key_arn
  secrets_kms_key_arn       = var.secrets_kms_key_arn
  logs_kms_key_arn          = var.logs_kms_key_arn
  backup_plan_name          = var.backup_plan_name

  settings = {
    engine_version                      = local.settings.engine_version
    instance_class                      = local.settings.instance_class
    allocated_storage                   = local.settings.allocated_storage
    max_allocated_storage               = local.settings.max_allocated_storage
    multi_az                            = local.settings.multi_az
    replica_count                       = local.settings.replica_count
    backup_retention_days               = local.settings.backup_retention_days
    deletion_protection                 = local.settings.deletion_protection
    max_connections                     = local.settings.max_connections
    performance_insights_retention_days = local.settings.performance_insights_retention_days
    log_retention_days                  = module.environment.security.log_retention_days
  }
}
