module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "clickhouse"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  settings = module.environment.settings.clickhouse
}

# ClickHouse on EC2 in the data subnets (decision 0020): shards x replicas
# and the Keeper ensemble from the environment data, backups to this
# region's bucket, data volumes and bucket copied to the other region by
# AWS Backup.
module "clickhouse" {
  source = "../../modules/clickhouse"

  name          = module.environment.regional_prefix
  is_production = module.environment.is_production
  cluster = {
    version                    = local.settings.version
    shards                     = local.settings.shards
    replicas                   = local.settings.replicas
    keepers                    = local.settings.keepers
    server_instance_type       = local.settings.server_instance_type
    keeper_instance_type       = local.settings.keeper_instance_type
    data_volume_gib            = local.settings.data_volume_gib
    data_volume_iops           = local.settings.data_volume_iops
    data_volume_throughput_mib = local.settings.data_volume_throughput_mib
  }
  vpc_id                    = var.vpc_id
  subnet_ids                = var.data_subnet_ids
  client_security_group_ids = [var.workload_security_group_id]
  kms_key_arn               = var.data_kms_key_arn
  backup_plan_name          = var.backup_plan_name
  backup = {
    bucket_name    = "${module.environment.regional_prefix}-clickhouse-backups-${module.environment.account_id}"
    retention_days = local.settings.backup_retention_days
    force_destroy  = !module.environment.is_production
  }
}
