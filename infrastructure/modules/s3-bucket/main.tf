# A private bucket as every bucket of the platform must be: versioned, SSE-KMS
# with a bucket key, all public access blocked, ACLs off (bucket owner
# enforced), TLS only; optionally the caller's policy statements and one
# lifecycle rule.

data "aws_partition" "current" {}

locals {
  # Known at plan time (unlike the bucket's computed arn), so the policy is too.
  arn = "arn:${data.aws_partition.current.partition}:s3:::${var.name}"
}

resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV_AWS_144:Buckets stay in their region on purpose: each region keeps its own state bucket so losing one region never blocks the other (docs/architecture.md), and the audit bucket already receives a multi-region trail.
  #checkov:skip=CKV2_AWS_62:No consumer of object events: these buckets are written by Terraform and AWS services (CloudTrail, Config) only; access is recorded by CloudTrail.
  bucket        = var.name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}

data "aws_iam_policy_document" "this" {
  count = var.attach_policy || var.deny_insecure_transport ? 1 : 0

  source_policy_documents = var.attach_policy ? [var.policy] : []

  dynamic "statement" {
    for_each = var.deny_insecure_transport ? [1] : []

    content {
      sid       = "DenyInsecureTransport"
      effect    = "Deny"
      actions   = ["s3:*"]
      resources = [local.arn, "${local.arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }

      condition {
        test     = "Bool"
        variable = "aws:SecureTransport"
        values   = ["false"]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  count = var.attach_policy || var.deny_insecure_transport ? 1 : 0

  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this[0].json

  # S3 rejects concurrent changes of a bucket's access settings, and a policy
  # written while public access is still allowed could be public.
  depends_on = [aws_s3_bucket_public_access_block.this, aws_s3_bucket_ownership_controls.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count = var.lifecycle_rule == null ? 0 : 1

  bucket = aws_s3_bucket.this.id

  rule {
    id     = var.lifecycle_rule.id
    status = "Enabled"

    filter {}

    dynamic "expiration" {
      for_each = var.lifecycle_rule.expiration_days == null ? [] : [var.lifecycle_rule.expiration_days]

      content {
        days = expiration.value
      }
    }

    dynamic "noncurrent_version_expiration" {
      for_each = var.lifecycle_rule.noncurrent_days == null ? [] : [var.lifecycle_rule.noncurrent_days]

      content {
        noncurrent_days = noncurrent_version_expiration.value
      }
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = var.lifecycle_rule.abort_incomplete_upload_days
    }
  }

  # Versioning must be on before a noncurrent-version rule means anything.
  depends_on = [aws_s3_bucket_versioning.this]
}
