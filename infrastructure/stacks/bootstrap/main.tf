module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "bootstrap"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

module "state_bucket" {
  source = "../../modules/state-bucket"

  bucket_name              = module.environment.state_buckets[var.region]
  kms_key_alias            = module.environment.state_key_alias
  kms_deletion_window_days = module.environment.security.kms_deletion_window_days
  force_destroy            = !module.environment.is_production
}
