# A ClickHouse cluster as the clickhouse stack builds it: 2 shards x 2
# replicas over three data subnets, a 3-node Keeper ensemble, encrypted gp3
# data volumes, IMDSv2-only launch templates and a KMS-encrypted backup
# bucket the nodes' instance profile is limited to. The conformance runner
# applies this example against the emulator: endpoints and credentials come
# from the environment.
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
      Stack     = "example-clickhouse"
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

  tags = { Name = "example-clickhouse" }
}

resource "aws_subnet" "data" {
  count = 3

  vpc_id            = aws_vpc.this.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)

  tags = { Name = "example-clickhouse-data-${count.index}" }
}

resource "aws_security_group" "workload" {
  name        = "example-clickhouse-workload"
  description = "Stands for the network stack's workload security group"
  vpc_id      = aws_vpc.this.id
}

resource "aws_kms_key" "this" {
  description             = "Example ClickHouse data key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

module "clickhouse" {
  source = "../.."

  name = "example-ch"
  cluster = {
    version              = "25.8"
    shards               = 2
    replicas             = 2
    keepers              = 3
    server_instance_type = "m7g.large"
    keeper_instance_type = "t4g.small"
    data_volume_gib      = 50
  }
  vpc_id                    = aws_vpc.this.id
  subnet_ids                = aws_subnet.data[*].id
  client_security_group_ids = [aws_security_group.workload.id]
  kms_key_arn               = aws_kms_key.this.arn
  backup = {
    bucket_name    = "example-ch-backups-${data.aws_caller_identity.current.account_id}"
    retention_days = 7
    force_destroy  = true
  }
}

output "endpoints" {
  description = "Server addresses."
  value       = module.clickhouse.endpoints
}

output "backup_bucket" {
  description = "Backup bucket."
  value       = module.clickhouse.backup_bucket
}
