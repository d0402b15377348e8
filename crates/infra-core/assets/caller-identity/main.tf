# Shipped with infra: finds the AWS account of the caller's credentials when
# the aws CLI is not installed. Applied with local state in a temporary
# directory; creates nothing.
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
  description = "Region for the STS call."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "this" {}

output "account_id" {
  description = "The caller's AWS account id."
  value       = data.aws_caller_identity.this.account_id
}
