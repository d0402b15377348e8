# GuardDuty, AWS Config and Access Analyzer of one region. The Config role and bucket are
# made here for the example; in the platform they come from the global stack (audit module).
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
  description = "Region to watch."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "config_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "config" {
  name               = "example-regional-security-config"
  assume_role_policy = data.aws_iam_policy_document.config_trust.json
}

resource "aws_s3_bucket" "audit" {
  bucket        = "example-regional-security-${data.aws_caller_identity.current.account_id}"
  force_destroy = true
}

module "regional_security" {
  source = "../.."

  name_prefix = "example-security"

  guardduty = { finding_publishing_frequency = "SIX_HOURS" }

  config = {
    role_arn                      = aws_iam_role.config.arn
    s3_bucket_name                = aws_s3_bucket.audit.id
    include_global_resource_types = true
  }

  tags = { Example = "regional-security-basic" }
}

output "guardduty_detector_id" {
  description = "GuardDuty detector."
  value       = module.regional_security.guardduty_detector_id
}

output "config_recorder_name" {
  description = "Config recorder."
  value       = module.regional_security.config_recorder_name
}

output "access_analyzer_arn" {
  description = "Access Analyzer."
  value       = module.regional_security.access_analyzer_arn
}
