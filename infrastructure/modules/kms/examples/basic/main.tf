# Three keys (logs, data, secrets) plus a class that also lets SNS use its key.
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
  description = "Region to create the keys in."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

module "kms" {
  source = "../.."

  name_prefix             = "example-kms"
  deletion_window_in_days = 7

  keys = {
    logs    = {}
    data    = {}
    secrets = {}
    events  = { service_principals = ["sns.amazonaws.com"], via_services = ["sqs"] }
  }

  tags = { Example = "kms-basic" }
}

output "key_arns" {
  description = "Key ARN per class."
  value       = module.kms.key_arns
}

output "alias_arns" {
  description = "Alias ARN per class."
  value       = module.kms.alias_arns
}
