# Redis in cluster mode (2 shards x 1 replica) with RBAC users and a Global Datastore, in a three-AZ VPC.
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
      Stack     = "example-redis"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "this" {
  cidr_block = "10.97.0.0/16"

  tags = { Name = "example-redis" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in slice(sort(data.aws_availability_zones.available.names), 0, 3) : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value)

  tags = { Name = "example-redis-data-${each.key}" }
}

# Stands for the network stack's workload security group (EKS nodes).
resource "aws_security_group" "workload" {
  name        = "example-redis-workload"
  description = "Workload nodes"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "example-redis-workload" }
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

module "redis" {
  source = "../.."

  name                      = "ecom-example-${var.region}"
  vpc_id                    = aws_vpc.this.id
  subnet_ids                = [for s in aws_subnet.data : s.id]
  client_security_group_ids = [aws_security_group.workload.id]
  kms_key_arn               = aws_kms_key.this.arn
  logs_kms_key_arn          = aws_kms_key.this.arn
  global_datastore          = "primary"

  settings = {
    node_type          = "cache.t4g.small"
    shards             = 2
    replicas_per_shard = 1
  }
}

output "configuration_endpoint" {
  description = "Cluster-mode configuration endpoint."
  value       = module.redis.configuration_endpoint
}

output "global_datastore_id" {
  description = "Global Datastore id."
  value       = module.redis.global_datastore_id
}
