# The GitHub OIDC provider and the plan/apply roles of one environment.
terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "region" {
  description = "Region of the provider configuration (IAM is global)."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

module "github_oidc" {
  source = "../.."

  name_prefix        = "example-dev"
  repository         = "acme-shop/ecommerce-platform"
  deploy_environment = "dev"
  regions            = ["us-east-1", "us-west-2"]

  state = {
    buckets = {
      "us-east-1" = "example-dev-us-east-1-tfstate-${data.aws_caller_identity.current.account_id}"
      "us-west-2" = "example-dev-us-west-2-tfstate-${data.aws_caller_identity.current.account_id}"
    }
    kms_alias = "alias/example-dev-tfstate"
  }

  tags = { Example = "github-oidc-basic" }
}

output "provider_arn" {
  description = "OIDC provider."
  value       = module.github_oidc.provider_arn
}

output "plan_role_arn" {
  description = "Plan role."
  value       = module.github_oidc.plan_role_arn
}

output "apply_role_arn" {
  description = "Apply role."
  value       = module.github_oidc.apply_role_arn
}
