data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id   = data.aws_caller_identity.current.account_id
  partition    = data.aws_partition.current.partition
  region       = data.aws_region.current.name
  dns_suffix   = data.aws_partition.current.dns_suffix
  account_root = "arn:${local.partition}:iam::${local.account_id}:root"

  bucket_name = coalesce(var.bucket_name, "${var.name_prefix}-audit-${local.account_id}")
  bucket_arn  = "arn:${local.partition}:s3:::${local.bucket_name}"

  trail_name = "${var.name_prefix}-trail"
  # Known before the trail exists, so the bucket and key policies can name it.
  trail_arn = "arn:${local.partition}:cloudtrail:${local.region}:${local.account_id}:trail/${local.trail_name}"

  cloudtrail_prefix = "cloudtrail"
  config_prefix     = "config"

  log_group_name = "/aws/cloudtrail/${var.name_prefix}"
  log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"

  cloudwatch_enabled = var.enable_cloudtrail && var.cloudwatch_logs.enabled
  kms_key_arn        = var.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn
}

module "bucket" {
  source = "../s3-bucket"

  name          = local.bucket_name
  kms_key_arn   = local.kms_key_arn
  force_destroy = var.force_destroy
  attach_policy = true
  policy        = data.aws_iam_policy_document.bucket.json
  tags          = merge(var.tags, { Role = "audit" })

  lifecycle_rule = {
    id                           = "audit-retention"
    expiration_days              = var.retention.days
    noncurrent_days              = var.retention.noncurrent_days
    abort_incomplete_upload_days = var.retention.abort_incomplete_upload_days
  }
}

data "aws_iam_policy_document" "bucket" {
  dynamic "statement" {
    for_each = var.enable_cloudtrail ? [1] : []

    content {
      sid       = "CloudTrailAclCheck"
      actions   = ["s3:GetBucketAcl"]
      resources = [local.bucket_arn]

      principals {
        type        = "Service"
        identifiers = ["cloudtrail.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceArn"
        values   = [local.trail_arn]
      }
    }
  }

  dynamic "statement" {
    for_each = var.enable_cloudtrail ? [1] : []

    content {
      sid       = "CloudTrailWrite"
      actions   = ["s3:PutObject"]
      resources = ["${local.bucket_arn}/${local.cloudtrail_prefix}/AWSLogs/${local.account_id}/*"]

      principals {
        type        = "Service"
        identifiers = ["cloudtrail.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "s3:x-amz-acl"
        values   = ["bucket-owner-full-control"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceArn"
        values   = [local.trail_arn]
      }
    }
  }
}
