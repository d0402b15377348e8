# The read-only plan role: describe everything (ReadOnlyAccess), read the state, hold its locks.

locals {
  plan_managed_policy_arns = coalesce(var.plan_managed_policy_arns, ["arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"])

  state_bucket_arns = [for name in values(var.state.buckets) : "arn:${local.partition}:s3:::${name}"]
  state_regions     = sort(keys(var.state.buckets))
}

data "aws_iam_policy_document" "plan" {
  statement {
    sid       = "ListStateBuckets"
    actions   = ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"]
    resources = local.state_bucket_arns
  }

  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = [for arn in local.state_bucket_arns : "${arn}/*"]
  }

  statement {
    sid       = "HoldStateLocks"
    actions   = ["s3:DeleteObject", "s3:PutObject"]
    resources = [for arn in local.state_bucket_arns : "${arn}/*.tflock"]
  }

  statement {
    sid       = "UseStateKey"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = length(var.state.kms_key_arns) > 0 ? var.state.kms_key_arns : [for region in local.state_regions : "arn:${local.partition}:kms:${region}:${local.account_id}:key/*"]

    dynamic "condition" {
      for_each = length(var.state.kms_key_arns) > 0 ? [] : [1]

      content {
        test     = "ForAnyValue:StringEquals"
        variable = "kms:ResourceAliases"
        values   = [var.state.kms_alias]
      }
    }
  }
}

resource "aws_iam_role" "plan" {
  name                 = local.plan_role_name
  description          = "GitHub Actions plan (read-only) for ${var.repository}: pull requests and main."
  assume_role_policy   = data.aws_iam_policy_document.trust["plan"].json
  max_session_duration = var.max_session_duration

  tags = merge(var.tags, { Name = local.plan_role_name, Role = "plan" })
}

resource "aws_iam_policy" "plan" {
  name        = local.plan_role_name
  description = "Terraform state access of the plan role: read state, write and delete only lock objects."
  policy      = data.aws_iam_policy_document.plan.json

  tags = merge(var.tags, { Name = local.plan_role_name })
}

resource "aws_iam_role_policy_attachment" "plan" {
  role       = aws_iam_role.plan.name
  policy_arn = aws_iam_policy.plan.arn
}

resource "aws_iam_role_policy_attachment" "plan_managed" {
  for_each = toset(local.plan_managed_policy_arns)

  role       = aws_iam_role.plan.name
  policy_arn = each.value
}
