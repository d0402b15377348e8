# Kubernetes layer of one environment in one region: the EKS cluster, its
# managed node groups, add-ons, access entries and Pod Identity roles, from the
# environment's `eks` section. What runs inside the cluster is the GitOps
# layer's (gitops/, docs/gitops.md); this stack hands it the cluster facts
# through the `gitops_bridge` output.

module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "eks"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  eks = module.environment.settings.eks
}

module "eks" {
  source = "../../modules/eks"

  name                    = module.environment.regional_prefix
  kubernetes_version      = local.eks.kubernetes_version
  production              = module.environment.is_production
  vpc_id                  = var.vpc_id
  subnet_ids              = var.private_subnet_ids
  node_security_group_ids = [var.workload_security_group_id]
  secrets_kms_key_arn     = var.secrets_kms_key_arn
  logs_kms_key_arn        = var.logs_kms_key_arn
  log_retention_days      = local.eks.log_retention_days
  node_groups             = local.eks.node_groups
  scale_down_schedule     = try(local.eks.scale_down_schedule, null)
  addons                  = try(local.eks.addons, null)

  endpoint = {
    public_access       = local.eks.endpoint_public_access
    public_access_cidrs = local.eks.endpoint_public_access_cidrs
  }

  gitops_labels = {
    "ecom.io/environment" = var.environment
    "ecom.io/region"      = var.region
    "ecom.io/tier"        = module.environment.tier
  }
}
