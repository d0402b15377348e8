module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "backup"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  settings = module.environment.settings.backup

  # The other region's vault, by its name: every region's backup stack names
  # its vault <project>-<environment>-<region>-data, so neither region's stack
  # waits for the other (a copy needs the destination only when it runs).
  other_region = one([for r in module.environment.regions : r if r != var.region])
  destination  = local.other_region == null ? null : "arn:${data.aws_partition.current.partition}:backup:${local.other_region}:${data.aws_caller_identity.current.account_id}:backup-vault:${module.environment.project}-${var.environment}-${local.other_region}-data"
}

module "backup" {
  source = "../../modules/backup"

  name                       = module.environment.regional_prefix
  kms_key_arn                = var.data_kms_key_arn
  copy_destination_vault_arn = local.destination
  production                 = module.environment.is_production

  settings = {
    continuous_retention_days = local.settings.continuous_retention_days
    daily_retention_days      = local.settings.daily_retention_days
    copy_retention_days       = local.settings.copy_retention_days
  }
}
