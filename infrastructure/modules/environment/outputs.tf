output "environment" {
  description = "Environment name."
  value       = var.environment
}

output "region" {
  description = "Region of the stack."
  value       = var.region
}

output "regions" {
  description = "All regions of the environment."
  value       = sort(keys(local.raw.regions))
}

output "primary_region" {
  description = "The environment's primary region (environment-wide stacks run there)."
  value       = local.raw.primary_region
}

output "account_id" {
  description = "The AWS account the environment lives in; providers refuse any other."
  value       = local.raw.account_id

  precondition {
    condition     = can(regex("^[0-9]{12}$", local.raw.account_id))
    error_message = "account_id in the environment file must be 12 digits."
  }
}

output "project" {
  description = "Project name, the first part of resource names."
  value       = local.raw.project
}

output "name_prefix" {
  description = "Prefix for names of environment-wide resources: <project>-<environment>."
  value       = "${local.raw.project}-${var.environment}"
}

output "regional_prefix" {
  description = "Prefix for names of regional resources that live in a global namespace (IAM, S3): <project>-<environment>-<region>."
  value       = "${local.raw.project}-${var.environment}-${var.region}"
}

output "region_code" {
  description = "Short region code, e.g. use1 for us-east-1."
  value       = local.region_code
}

output "stack_id" {
  description = "The stack's id: <environment>-<region|global>-<layer>."
  value       = local.stack_id
}

output "is_production" {
  description = "True when the environment's tier is production."
  value       = local.is_production
}

output "tier" {
  description = "production or non-production."
  value       = local.raw.tier

  precondition {
    condition     = contains(["production", "non-production"], local.raw.tier)
    error_message = "tier in the environment file must be production or non-production."
  }
}

output "vpc_cidr" {
  description = "The VPC CIDR of this environment in this region."
  value       = local.raw.regions[var.region].vpc_cidr
}

output "network" {
  description = "Network settings for this region (environment values with region overrides)."
  value       = local.network

  precondition {
    condition     = !local.is_production || (local.network.nat_gateways == "per_az" && local.network.az_count >= 3)
    error_message = "A production environment needs network.nat_gateways = \"per_az\" and network.az_count >= 3."
  }
}

output "security" {
  description = "Security settings for this region (environment values with region overrides)."
  value       = local.security

  precondition {
    condition     = !local.is_production || local.security.kms_deletion_window_days >= 30
    error_message = "A production environment needs security.kms_deletion_window_days >= 30."
  }
}

output "github" {
  description = "GitHub settings: the repository and the deployment environment its workflows use."
  value       = local.raw.github
}

output "tags" {
  description = "The common tags every resource carries (provider default_tags)."
  value       = local.tags
}

output "settings" {
  description = "The whole environment document, for settings a later layer adds."
  value       = local.raw
}

output "state_buckets" {
  description = "Name of the Terraform state bucket of each region of the environment: <project>-<environment>-<region>-tfstate-<account_id>. Bootstrap creates them; every other stack keeps its state in the one of its region."
  value       = { for r in sort(keys(local.raw.regions)) : r => "${local.raw.project}-${var.environment}-${r}-tfstate-${local.raw.account_id}" }
}

output "state_key_alias" {
  description = "Alias of the KMS key that encrypts the state bucket of each region."
  value       = "alias/${local.raw.project}-${var.environment}-tfstate"
}
