# PostgreSQL primary (single-AZ, dev-sized) with one read replica and the RDS Proxy in a three-AZ VPC.
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
      Stack     = "example-postgres"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "this" {
  cidr_block = "10.98.0.0/16"

  tags = { Name = "example-postgres" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in slice(sort(data.aws_availability_zones.available.names), 0, 3) : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value)

  tags = { Name = "example-postgres-data-${each.key}" }
}

# Stands for the network stack's workload security group (EKS nodes).
resource "aws_security_group" "workload" {
  name        = "example-postgres-workload"
  description = "Workload nodes"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "example-postgres-workload" }
}

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

module "postgres" {
  source = "../.."

  name                      = "ecom-example-${var.region}"
  vpc_id                    = aws_vpc.this.id
  subnet_ids                = [for s in aws_subnet.data : s.id]
  client_security_group_ids = [aws_security_group.workload.id]
  kms_key_arn               = aws_kms_key.this.arn
  secrets_kms_key_arn       = aws_kms_key.this.arn
  logs_kms_key_arn          = aws_kms_key.this.arn
  backup_plan_name          = "ecom-example-${var.region}-data"

  settings = {
    instance_class  = "db.t4g.medium"
    replica_count   = 1
    max_connections = 200
  }
}

output "endpoint" {
  description = "Writer endpoint."
  value       = module.postgres.endpoint
}

output "proxy_endpoint" {
  description = "RDS Proxy endpoint."
  value       = module.postgres.proxy_endpoint
}

output "master_user_secret_arn" {
  description = "ARN of the managed master secret."
  value       = module.postgres.master_user_secret_arn
}
