# Regional security layer: KMS keys per data class, GuardDuty and IAM Access
# Analyzer of one region. It needs nothing from the environment-wide stack, so
# it (and the network after it) runs as soon as the region's state bucket
# exists. The AWS Config recorder is the audit layer's.

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
    logs = { description = "${module.environment.name_prefix} logs (CloudWatch Logs, VPC flow logs)" }
    data = { description = "${module.environment.name_prefix} data at rest (RDS, ElastiCache, MSK, OpenSearch, EBS)" }
    # The EKS cluster role (stacks/eks: <regional prefix>-cluster) encrypts
    # Kubernetes secrets with this key; it is named, not referenced, since
    # the eks stack comes later.
    secrets = {
      description    = "${module.environment.name_prefix} secrets (Secrets Manager, EKS secrets envelope encryption)"
      principal_arns = ["arn:aws:iam::${module.environment.account_id}:role/${module.environment.regional_prefix}-cluster"]
    }
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
    enabled = false
  }
}
