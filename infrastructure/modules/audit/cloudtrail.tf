resource "aws_cloudtrail" "this" {
  #checkov:skip=CKV_AWS_252:No consumer of per-log-file SNS notifications; the trail's integrity is covered by log file validation and the bucket's policy.
  #checkov:skip=CKV2_AWS_10:Delivery to CloudWatch Logs is a per-environment switch (security.cloudtrail_cloudwatch_logs in the environment JSON, variable cloudwatch_logs); S3 with validation is the record.
  count = var.enable_cloudtrail ? 1 : 0

  name                          = local.trail_name
  s3_bucket_name                = module.bucket.id
  s3_key_prefix                 = local.cloudtrail_prefix
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  kms_key_id                    = local.kms_key_arn
  cloud_watch_logs_group_arn    = local.cloudwatch_enabled ? "${aws_cloudwatch_log_group.cloudtrail[0].arn}:*" : null
  cloud_watch_logs_role_arn     = local.cloudwatch_enabled ? aws_iam_role.cloudtrail_logs[0].arn : null

  tags = merge(var.tags, { Name = local.trail_name })

  depends_on = [
    module.bucket,
    aws_iam_role_policy.cloudtrail_logs,
  ]
}

resource "aws_cloudwatch_log_group" "cloudtrail" {
  count = local.cloudwatch_enabled ? 1 : 0

  name              = local.log_group_name
  retention_in_days = var.cloudwatch_logs.retention_days
  kms_key_id        = local.kms_key_arn

  tags = merge(var.tags, { Name = local.log_group_name })
}

data "aws_iam_policy_document" "cloudtrail_logs_trust" {
  count = local.cloudwatch_enabled ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

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

data "aws_iam_policy_document" "cloudtrail_logs" {
  count = local.cloudwatch_enabled ? 1 : 0

  statement {
    sid       = "WriteTrailLogStreams"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:log-stream:*"]
  }
}

resource "aws_iam_role" "cloudtrail_logs" {
  count = local.cloudwatch_enabled ? 1 : 0

  name               = "${var.name_prefix}-cloudtrail-logs"
  description        = "CloudTrail delivers ${local.trail_name} to ${local.log_group_name}."
  assume_role_policy = data.aws_iam_policy_document.cloudtrail_logs_trust[0].json

  tags = merge(var.tags, { Name = "${var.name_prefix}-cloudtrail-logs" })
}

resource "aws_iam_role_policy" "cloudtrail_logs" {
  count = local.cloudwatch_enabled ? 1 : 0

  name   = "cloudwatch-logs"
  role   = aws_iam_role.cloudtrail_logs[0].id
  policy = data.aws_iam_policy_document.cloudtrail_logs[0].json
}
