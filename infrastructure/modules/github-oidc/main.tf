data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  provider_host = "token.actions.githubusercontent.com"
  provider_arn  = var.create_provider ? aws_iam_openid_connect_provider.this[0].arn : var.provider_arn

  plan_role_name  = "${var.name_prefix}-github-plan"
  apply_role_name = "${var.name_prefix}-github-apply"

  # The only subjects each role trusts: pull requests and main for plan, the deployment environment for apply.
  plan_subjects  = ["repo:${var.repository}:pull_request", "repo:${var.repository}:ref:refs/heads/main"]
  apply_subjects = ["repo:${var.repository}:environment:${var.deploy_environment}"]

  trusts = {
    plan  = local.plan_subjects
    apply = local.apply_subjects
  }
}

resource "aws_iam_openid_connect_provider" "this" {
  count = var.create_provider ? 1 : 0

  url             = "https://${local.provider_host}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = var.thumbprints

  tags = merge(var.tags, { Name = local.provider_host })
}

data "aws_iam_policy_document" "trust" {
  for_each = local.trusts

  statement {
    sid     = "GitHubActions"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.provider_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.provider_host}:sub"
      values   = each.value
    }
  }
}
