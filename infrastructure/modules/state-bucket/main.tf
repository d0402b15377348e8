data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
}

# KMS key of the state bucket: only the account (through IAM policies) may use it.
data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountRoot"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "Encrypts the Terraform state in ${var.bucket_name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = data.aws_iam_policy_document.key.json

  tags = merge(var.tags, { Name = trimprefix(var.kms_key_alias, "alias/") })
}

resource "aws_kms_alias" "this" {
  name          = var.kms_key_alias
  target_key_id = aws_kms_key.this.key_id
}

locals {
  bucket_arn = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket_name}"
}

module "bucket" {
  source = "../s3-bucket"

  name          = var.bucket_name
  kms_key_arn   = aws_kms_key.this.arn
  force_destroy = var.force_destroy
  attach_policy = true
  policy        = data.aws_iam_policy_document.bucket.json
  tags          = var.tags

  # Optional: expire old state versions. Off by default (see README, "Lifecycle").
  lifecycle_rule = var.noncurrent_version_expiration_days == null ? null : {
    id              = "expire-noncurrent-state-versions"
    noncurrent_days = var.noncurrent_version_expiration_days
  }
}

# Deny any upload that asks for an encryption other than SSE-KMS (plain HTTP
# is denied by s3-bucket's TLS-only statement). Uploads without an encryption
# header are allowed (the Null condition): the bucket's default encryption
# applies the state key to them. Both conditions must hold for the Deny.
data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "DenyNonKmsEncryption"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Null"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["false"]
    }

    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }
}
