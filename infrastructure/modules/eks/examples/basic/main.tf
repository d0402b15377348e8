# An EKS cluster over two private subnets with a system and a spot workload
# node group (Graviton), the scale-down schedule, the five core add-ons, access
# entries, Pod Identity roles, and a workload security group standing for the
# network stack's. The keys stand for the security stack's. The conformance
# runner applies this example against the emulator: endpoints and credentials
# come from the environment.
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
      Stack     = "example-eks"
      ManagedBy = "terraform"
    }
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(sort(data.aws_availability_zones.available.names), 0, 2)
}

resource "aws_vpc" "this" {
  cidr_block           = "10.98.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "ecom-example-eks" }
}

resource "aws_subnet" "private" {
  for_each = { for i, az in local.azs : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 2, each.value)

  tags = { Name = "ecom-example-eks-private-${each.key}" }
}

resource "aws_security_group" "workload" {
  name        = "ecom-example-eks-workload"
  description = "Workload nodes (stands for the network stack's)"
  vpc_id      = aws_vpc.this.id
}

resource "aws_kms_key" "secrets" {
  description             = "Example EKS secrets key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

resource "aws_kms_key" "logs" {
  description             = "Example EKS logs key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

module "eks" {
  source = "../.."

  name                    = "ecom-example-${var.region}"
  kubernetes_version      = "1.32"
  vpc_id                  = aws_vpc.this.id
  subnet_ids              = [for s in aws_subnet.private : s.id]
  secrets_kms_key_arn     = aws_kms_key.secrets.arn
  logs_kms_key_arn        = aws_kms_key.logs.arn
  log_retention_days      = 7
  node_security_group_ids = [aws_security_group.workload.id]

  endpoint = {
    public_access       = true
    public_access_cidrs = ["203.0.113.0/24"]
  }

  node_groups = {
    system = {
      instance_types = ["t4g.large"]
      architecture   = "arm64"
      min_size       = 1
      max_size       = 2
      desired_size   = 1
      disk_size_gib  = 30
      taints         = [{ key = "CriticalAddonsOnly", value = "true", effect = "NO_SCHEDULE" }]
    }
    workload = {
      instance_types           = ["m7g.large", "m6g.large"]
      capacity_type            = "SPOT"
      architecture             = "arm64"
      min_size                 = 0
      max_size                 = 3
      desired_size             = 1
      scale_down_outside_hours = true
    }
  }

  scale_down_schedule = {
    down_recurrence = "0 20 * * MON-FRI"
    up_recurrence   = "0 7 * * MON-FRI"
    time_zone       = "Europe/Berlin"
  }

  gitops_labels = { "ecom.io/environment" = "example" }
}

output "cluster_name" {
  description = "Name of the cluster."
  value       = module.eks.cluster_name
}

output "gitops_bridge" {
  description = "Facts handed to Argo CD."
  value       = module.eks.gitops_bridge
}

output "pod_identity_role_arns" {
  description = "Controller roles."
  value       = module.eks.pod_identity_role_arns
}
