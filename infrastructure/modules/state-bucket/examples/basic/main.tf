# A state bucket for a throw-away environment. The conformance runner applies
# this example against the emulator: endpoints and credentials come from the
# environment (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...).
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
  description = "Region to create the example in."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "ecom"
      Stack     = "example-state-bucket"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

module "state_bucket" {
  source = "../.."

  bucket_name              = "ecom-example-${var.region}-tfstate-${data.aws_caller_identity.current.account_id}"
  kms_key_alias            = "alias/ecom-example-tfstate"
  kms_deletion_window_days = 7
  force_destroy            = true
}

output "bucket_name" {
  description = "Name of the state bucket."
  value       = module.state_bucket.bucket_name
}

output "kms_key_arn" {
  description = "ARN of the state key."
  value       = module.state_bucket.kms_key_arn
}
