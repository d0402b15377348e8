# Cluster access through EKS access entries (authentication mode API, no
# aws-auth ConfigMap): an admin role with AmazonEKSClusterAdminPolicy and a
# read-only role with AmazonEKSViewPolicy (no Secrets), both cluster-wide.
# People and pipelines get access by being allowed to assume one of them: the
# principals given, or else principals of the account tagged
# ecom:eks-access = admin | read-only.

locals {
  account_root = "arn:${local.partition}:iam::${local.account_id}:root"

  access_roles = {
    admin = {
      principals = length(var.access.admin_principal_arns) > 0 ? var.access.admin_principal_arns : [local.account_root]
      by_tag     = length(var.access.admin_principal_arns) == 0
      policy     = "AmazonEKSClusterAdminPolicy"
      what       = "Cluster administrators"
    }
    read-only = {
      principals = length(var.access.read_only_principal_arns) > 0 ? var.access.read_only_principal_arns : [local.account_root]
      by_tag     = length(var.access.read_only_principal_arns) == 0
      policy     = "AmazonEKSViewPolicy"
      what       = "Read-only access"
    }
  }
}

data "aws_iam_policy_document" "access_assume" {
  for_each = local.access_roles

  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "AWS"
      identifiers = each.value.principals
    }

    # Trusting the account (no principals given) admits only principals tagged
    # for this level of access (IAM tag or session tag, e.g. from IAM Identity
    # Center attributes): ecom:eks-access = admin | read-only.
    dynamic "condition" {
      for_each = each.value.by_tag ? [1] : []

      content {
        test     = "StringEquals"
        variable = "aws:PrincipalTag/ecom:eks-access"
        values   = [each.key]
      }
    }
  }
}

resource "aws_iam_role" "access" {
  #checkov:skip=CKV_AWS_61:Trusting the account is limited by a condition on the principal tag ecom:eks-access (or replaced by named principals), which the check does not read.
  for_each = local.access_roles

  name                 = "${var.name}-${each.key}"
  description          = "${each.value.what} of the EKS cluster ${var.name}"
  assume_role_policy   = data.aws_iam_policy_document.access_assume[each.key].json
  max_session_duration = 3600

  tags = var.tags
}

# kubectl needs eks:DescribeCluster to build its kubeconfig; nothing else in AWS.
data "aws_iam_policy_document" "access" {
  statement {
    actions   = ["eks:DescribeCluster"]
    resources = [aws_eks_cluster.this.arn]
  }
}

resource "aws_iam_role_policy" "access" {
  for_each = local.access_roles

  name   = "describe-cluster"
  role   = aws_iam_role.access[each.key].id
  policy = data.aws_iam_policy_document.access.json
}

resource "aws_eks_access_entry" "this" {
  for_each = local.access_roles

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_iam_role.access[each.key].arn
  type          = "STANDARD"

  tags = var.tags
}

resource "aws_eks_access_policy_association" "this" {
  for_each = local.access_roles

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.this[each.key].principal_arn
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/${each.value.policy}"

  access_scope {
    type = "cluster"
  }
}
