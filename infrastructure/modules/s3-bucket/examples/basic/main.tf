# A private bucket with its own key and a retention rule (TLS-only by default;
# state-bucket and audit add their own statements with attach_policy).
# Applied on the emulator by the conformance run (scripts/lib/conformance).

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
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "this" {
  description             = "s3-bucket example"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

locals {
  name = "s3-bucket-example-${data.aws_caller_identity.current.account_id}"
}

module "bucket" {
  source = "../.."

  name           = local.name
  kms_key_arn    = aws_kms_key.this.arn
  force_destroy  = true
  lifecycle_rule = { id = "retention", expiration_days = 30, noncurrent_days = 7 }
}

output "bucket" {
  description = "The example bucket's configuration."
  value       = module.bucket.configuration
}
