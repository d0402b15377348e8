# A VPC over three AZs with one NAT gateway and two interface endpoints. The
# flow logs need a KMS key: the example makes one (the platform passes the
# security stack's logs key). The conformance runner applies this example
# against the emulator: endpoints and credentials come from the environment.
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
      Stack     = "example-network"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "logs_key" {
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

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:log-group:*"]
    }
  }
}

resource "aws_kms_key" "logs" {
  description             = "Example logs key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.logs_key.json
}

module "network" {
  source = "../.."

  name                    = "ecom-example-${var.region}"
  vpc_cidr                = "10.99.0.0/16"
  az_count                = 3
  nat_gateways            = "single"
  interface_endpoints     = ["sts", "logs"]
  flow_logs_kms_key_arn   = aws_kms_key.logs.arn
  flow_log_retention_days = 7
}

output "vpc_id" {
  description = "Id of the VPC."
  value       = module.network.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets, ordered by AZ."
  value       = module.network.private_subnet_ids
}

output "nat_public_ips" {
  description = "Egress addresses."
  value       = module.network.nat_public_ips
}
