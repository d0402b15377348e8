module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "search"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  settings = module.environment.settings.opensearch
}

# One VPC-only domain per region (the seed's Elasticsearch). Each region
# indexes from the platform's own events, so the secondary region's domain
# is a live peer rather than a replica: see docs/dr.md.
module "opensearch" {
  source = "../../modules/opensearch"

  name           = "${module.environment.name_prefix}-${module.environment.region_code}"
  engine_version = local.settings.engine_version
  is_production  = module.environment.is_production
  cluster = {
    instance_type         = local.settings.instance_type
    instance_count        = local.settings.instance_count
    az_count              = local.settings.az_count
    master_instance_type  = local.settings.master_instance_type
    master_count          = local.settings.master_count
    volume_size_gib       = local.settings.volume_size_gib
    volume_iops           = local.settings.volume_iops
    volume_throughput_mib = local.settings.volume_throughput_mib
  }
  vpc_id                    = var.vpc_id
  subnet_ids                = var.data_subnet_ids
  client_security_group_ids = [var.workload_security_group_id]
  kms_key_arn               = var.data_kms_key_arn
  logs_kms_key_arn          = var.logs_kms_key_arn
  log_retention_days        = module.environment.security.log_retention_days
}
