module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "redis"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  settings = module.environment.settings.redis
  primary  = var.region == module.environment.primary_region

  # redis.global_datastore: the primary region creates the Global Datastore
  # and the other region joins it; otherwise each region has its own cache.
  global_datastore = !local.settings.global_datastore ? "none" : (local.primary ? "primary" : "secondary")
}

module "redis" {
  source = "../../modules/redis"

  name                        = module.environment.regional_prefix
  production                  = module.environment.is_production
  vpc_id                      = var.vpc_id
  subnet_ids                  = var.data_subnet_ids
  client_security_group_ids   = [var.workload_security_group_id]
  kms_key_arn                 = var.data_kms_key_arn
  logs_kms_key_arn            = var.logs_kms_key_arn
  global_datastore            = local.global_datastore
  global_replication_group_id = local.global_datastore == "secondary" ? var.global_datastore_id : null

  settings = {
    engine_version          = local.settings.engine_version
    node_type               = local.settings.node_type
    shards                  = local.settings.shards
    replicas_per_shard      = local.settings.replicas_per_shard
    snapshot_retention_days = local.settings.snapshot_retention_days
    log_retention_days      = module.environment.security.log_retention_days
  }
}
