# AWS Backup in one region copying to a vault in the other region.
# The conformance runner applies this example against the emulator: endpoints
# and credentials come from the environment.
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
      Stack     = "example-backup"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountRoot"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }
  }
}

# One key stands for the security stack's data, secrets and logs keys.
resource "aws_kms_key" "this" {
  description             = "Example data key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.key.json
}

provider "aws" {
  alias  = "other"
  region = var.other_region

  default_tags {
    tags = {
      Project   = "ecom"
      Stack     = "example-backup"
      ManagedBy = "terraform"
    }
  }
}

variable "other_region" {
  description = "Region of the vault the daily recovery points are copied to."
  type        = string
  default     = "us-west-2"
}

resource "aws_kms_key" "other" {
  provider = aws.other

  description             = "Example data key of the other region"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

# Stands for the other region's backup stack's vault.
resource "aws_backup_vault" "other" {
  provider = aws.other

  name        = "ecom-example-${var.other_region}-data"
  kms_key_arn = aws_kms_key.other.arn
}

module "backup" {
  source = "../.."

  name                       = "ecom-example-${var.region}"
  kms_key_arn                = aws_kms_key.this.arn
  copy_destination_vault_arn = aws_backup_vault.other.arn
}

output "plan_name" {
  description = "Plan name (the Backup tag value)."
  value       = module.backup.plan_name
}
