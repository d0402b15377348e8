# Account-wide IAM settings: the password policy and the AWS Config service role.

resource "aws_iam_account_password_policy" "this" {
  count = var.enable_password_policy ? 1 : 0

  minimum_password_length        = var.password_policy.minimum_length
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = var.password_policy.reuse_prevention
  max_password_age               = var.password_policy.max_age_days
}

data "aws_iam_policy_document" "config_trust" {
  count = var.enable_config_role ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

data "aws_iam_policy_document" "config_delivery" {
  count = var.enable_config_role ? 1 : 0

  statement {
    sid       = "CheckBucketAcl"
    actions   = ["s3:GetBucketAcl"]
    resources = [local.bucket_arn]
  }

  statement {
    sid       = "DeliverToConfigPrefix"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/${local.config_prefix}/*"]

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }

  statement {
    sid       = "EncryptDeliveries"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [local.kms_key_arn]
  }
}

resource "aws_iam_role" "config" {
  count = var.enable_config_role ? 1 : 0

  name               = "${var.name_prefix}-config"
  description        = "AWS Config recorders of every region: record resources, deliver to ${local.bucket_name}/${local.config_prefix}/."
  assume_role_policy = data.aws_iam_policy_document.config_trust[0].json

  tags = merge(var.tags, { Name = "${var.name_prefix}-config" })
}

resource "aws_iam_role_policy_attachment" "config" {
  count = var.enable_config_role ? 1 : 0

  role       = aws_iam_role.config[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWS_ConfigRole"
}

resource "aws_iam_role_policy" "config_delivery" {
  count = var.enable_config_role ? 1 : 0

  name   = "deliver-to-audit-bucket"
  role   = aws_iam_role.config[0].id
  policy = data.aws_iam_policy_document.config_delivery[0].json
}
