# A VPC-only OpenSearch domain as the search stack builds it: two data nodes
# over two AZs with zone awareness, encrypted at rest with a KMS key and
# node to node, HTTPS only with TLS 1.2+, fine-grained access control with an
# IAM master user (no password), four log types to KMS-encrypted log groups.
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
      Stack     = "example-opensearch"
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

  tags = { Name = "example-opensearch" }
}

resource "aws_subnet" "data" {
  count = 3

  vpc_id            = aws_vpc.this.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)

  tags = { Name = "example-opensearch-data-${count.index}" }
}

resource "aws_security_group" "workload" {
  name        = "example-opensearch-workload"
  description = "Stands for the network stack's workload security group"
  vpc_id      = aws_vpc.this.id
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

resource "aws_kms_key" "this" {
  description             = "Example OpenSearch data and logs key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.key.json
}

module "opensearch" {
  source = "../.."

  name           = "example-search"
  engine_version = "OpenSearch_2.19"
  cluster = {
    instance_type   = "t3.small.search"
    instance_count  = 2
    az_count        = 2
    volume_size_gib = 10
  }
  vpc_id                    = aws_vpc.this.id
  subnet_ids                = aws_subnet.data[*].id
  client_security_group_ids = [aws_security_group.workload.id]
  kms_key_arn               = aws_kms_key.this.arn
  logs_kms_key_arn          = aws_kms_key.this.arn
  log_retention_days        = 7
}

output "endpoint" {
  description = "HTTPS endpoint of the domain inside the VPC."
  value       = module.opensearch.endpoint
}

output "security_group_id" {
  description = "Security group of the domain."
  value       = module.opensearch.security_group_id
}
