# A three-broker cluster in a VPC of its own with the client policies of two
# topics, and a second cluster replicating it with an MSK Replicator (on AWS
# the replicated pair lives in two regions; here both sides share one VPC).
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
  description = "Region to create the clusters in."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "this" {
  cidr_block = "10.40.0.0/16"

  tags = { Name = "example-msk" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in slice(data.aws_availability_zones.available.names, 0, 3) : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value)

  tags = { Name = "example-msk-data-${each.key}" }
}

# The clients' identity (the network stack's workload security group).
resource "aws_security_group" "workload" {
  name        = "example-msk-workload"
  description = "Kafka clients"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "example-msk-workload" }
}

module "kms" {
  source = "../../../kms"

  name_prefix             = "example-msk"
  deletion_window_in_days = 7
  keys = {
    logs = {}
    data = {}
  }
}

locals {
  common = {
    kafka_version = "3.6.0"
    brokers = {
      instance_type   = "kafka.t3.small"
      count           = 3
      volume_size     = 20
      max_volume_size = 100
    }
    server_properties = {
      default_replication_factor = 3
      min_insync_replicas        = 2
      log_retention_hours        = 72
    }
    logs = {
      kms_key_arn    = module.kms.key_arns["logs"]
      retention_days = 7
    }
  }
}

module "primary" {
  source = "../.."

  name                             = "example-msk-primary"
  kafka_version                    = local.common.kafka_version
  brokers                          = local.common.brokers
  server_properties                = local.common.server_properties
  vpc_id                           = aws_vpc.this.id
  subnet_ids                       = [for s in aws_subnet.data : s.id]
  client_security_group_ids        = [aws_security_group.workload.id]
  monitoring_cidrs                 = [aws_vpc.this.cidr_block]
  at_rest_kms_key_arn              = module.kms.key_arns["data"]
  logs                             = local.common.logs
  create_replicator_security_group = true

  topics = {
    orders   = { producers = ["order-service"], consumers = ["payment-service"] }
    payments = { producers = ["payment-service"], consumers = ["order-service"] }
  }
}

module "replica" {
  source = "../.."

  name                      = "example-msk-replica"
  kafka_version             = local.common.kafka_version
  brokers                   = local.common.brokers
  server_properties         = local.common.server_properties
  vpc_id                    = aws_vpc.this.id
  subnet_ids                = [for s in aws_subnet.data : s.id]
  client_security_group_ids = [aws_security_group.workload.id]
  at_rest_kms_key_arn       = module.kms.key_arns["data"]
  logs                      = local.common.logs

  replication = {
    source_cluster_arn        = module.primary.cluster_arn
    source_subnet_ids         = module.primary.subnet_ids
    source_security_group_ids = [module.primary.replicator_security_group_id]
  }
}

output "bootstrap_brokers_sasl_iam" {
  description = "Bootstrap brokers of the primary cluster."
  value       = module.primary.bootstrap_brokers_sasl_iam
}

output "client_policy_arns" {
  description = "Client policies of the primary cluster."
  value       = module.primary.client_policy_arns
}

output "replicator_arn" {
  description = "The replicator into the replica."
  value       = module.replica.replicator_arn
}
