# The environment-wide audit resources of one account: trail (also to CloudWatch Logs),
# bucket, key, password policy and the AWS Config role.
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
  description = "Region of the trail's home and the bucket."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

module "audit" {
  source = "../.."

  name_prefix                 = "example-audit"
  force_destroy               = true
  kms_deletion_window_in_days = 7
  retention                   = { days = 90 }
  cloudwatch_logs             = { enabled = true, retention_days = 30 }

  tags = { Example = "audit-basic" }
}

output "bucket_name" {
  description = "Audit bucket."
  value       = module.audit.bucket_name
}

output "cloudtrail_arn" {
  description = "Trail ARN."
  value       = module.audit.cloudtrail_arn
}

output "config_role_arn" {
  description = "AWS Config role ARN."
  value       = module.audit.config_role_arn
}
