# The control plane: cluster IAM role, control plane log group, the cluster
# itself (API authentication through access entries, secrets envelope-encrypted
# with the secrets key, a private endpoint plus an allow-listed public one
# outside production). Node groups, add-ons, access, Pod Identity and security
# groups live in the files named after them.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_subnet" "this" {
  count = length(var.subnet_ids)

  id = var.subnet_ids[count.index]
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  subnet_azs = distinct([for s in data.aws_subnet.this : s.availability_zone])

  system_min_size = try(var.node_groups["system"].min_size, 0)
}

data "aws_iam_policy_document" "cluster_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cluster" {
  name               = "${var.name}-cluster"
  description        = "EKS control plane of ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.cluster_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

# Envelope encryption of Kubernetes secrets: the control plane uses the key
# through grants; these are the key permissions EKS documents for the role.
data "aws_iam_policy_document" "cluster_kms" {
  statement {
    sid       = "SecretsEnvelopeEncryption"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"]
    resources = [var.secrets_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "cluster_kms" {
  name   = "secrets-encryption"
  role   = aws_iam_role.cluster.id
  policy = data.aws_iam_policy_document.cluster_kms.json
}

resource "aws_cloudwatch_log_group" "cluster" {
  # The name EKS writes the control plane logs to; created first so that its
  # retention and key apply from the first log line.
  name              = "/aws/eks/${var.name}/cluster"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn

  tags = var.tags
}

resource "aws_eks_cluster" "this" {
  name                      = var.name
  role_arn                  = aws_iam_role.cluster.arn
  version                   = var.kubernetes_version
  enabled_cluster_log_types = var.cluster_log_types

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = var.secrets_kms_key_arn
    }
  }

  upgrade_policy {
    support_type = "STANDARD"
  }

  #checkov:skip=CKV_AWS_39:The public endpoint is off in production and limited to the environment's allow-listed CIDRs elsewhere (variable validation and production precondition).
  vpc_config {
    subnet_ids              = var.subnet_ids
    security_group_ids      = [aws_security_group.cluster.id]
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint.public_access
    public_access_cidrs     = var.endpoint.public_access ? var.endpoint.public_access_cidrs : null
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = !var.production || !var.endpoint.public_access
      error_message = "A production cluster's API endpoint must be private (endpoint.public_access = false)."
    }

    precondition {
      condition     = !var.production || length(local.subnet_azs) >= 3
      error_message = "A production cluster needs subnets in at least 3 availability zones."
    }

    precondition {
      condition     = length(local.subnet_azs) == length(var.subnet_ids)
      error_message = "subnet_ids must be in different availability zones (one private subnet per AZ)."
    }

    precondition {
      condition     = !var.production || local.system_min_size >= 2
      error_message = "A production cluster's system node group needs min_size >= 2 (its controllers run with two replicas over two AZs)."
    }
  }

  depends_on = [
    aws_iam_role_policy_attachment.cluster,
    aws_iam_role_policy.cluster_kms,
    aws_cloudwatch_log_group.cluster,
  ]
}
