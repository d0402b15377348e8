module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "network"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

module "network" {
  source = "../../modules/network"

  name                    = module.environment.regional_prefix
  vpc_cidr                = module.environment.vpc_cidr
  az_count                = module.environment.network.az_count
  nat_gateways            = module.environment.network.nat_gateways
  interface_endpoints     = module.environment.network.interface_endpoints
  flow_logs_kms_key_arn   = var.logs_kms_key_arn
  flow_log_retention_days = module.environment.network.flow_log_retention_days
}
