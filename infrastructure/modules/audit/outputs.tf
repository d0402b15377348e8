output "bucket_name" {
  description = "Name of the audit bucket (CloudTrail under cloudtrail/, AWS Config under config/<region>/)."
  value       = module.bucket.id
}

output "bucket_arn" {
  description = "ARN of the audit bucket."
  value       = module.bucket.arn
}

output "config_prefix" {
  description = "Key prefix AWS Config delivery channels must use (followed by /<region>)."
  value       = local.config_prefix
}

output "kms_key_arn" {
  description = "ARN of the key that encrypts the trail, the bucket and the trail's log group."
  value       = local.kms_key_arn
}

output "cloudtrail_arn" {
  description = "ARN of the trail; null when enable_cloudtrail is false."
  value       = try(aws_cloudtrail.this[0].arn, null)
}

output "cloudtrail_name" {
  description = "Name of the trail; null when enable_cloudtrail is false."
  value       = try(aws_cloudtrail.this[0].name, null)
}

output "cloudtrail_log_group_name" {
  description = "CloudWatch Logs group of the trail; null unless cloudwatch_logs.enabled."
  value       = try(aws_cloudwatch_log_group.cloudtrail[0].name, null)
}

output "config_role_arn" {
  description = "ARN of the AWS Config service role; null when enable_config_role is false."
  value       = try(aws_iam_role.config[0].arn, null)
}

output "config_role_name" {
  description = "Name of the AWS Config service role; null when enable_config_role is false."
  value       = try(aws_iam_role.config[0].name, null)
}

output "policy_statements" {
  description = "Statements of the bucket policy, the key policy, the Config role's trust and delivery policies (for reviews and plan-level tests)."
  value = {
    bucket          = data.aws_iam_policy_document.bucket.statement
    key             = try(data.aws_iam_policy_document.key[0].statement, [])
    config_trust    = try(data.aws_iam_policy_document.config_trust[0].statement, [])
    config_delivery = try(data.aws_iam_policy_document.config_delivery[0].statement, [])
    cloudtrail_logs = try(data.aws_iam_policy_document.cloudtrail_logs[0].statement, [])
  }
}

output "bucket_force_destroy" {
  description = "Whether terraform may destroy the audit bucket with its objects (false in production)."
  value       = module.bucket.configuration.force_destroy
}

output "retention_days" {
  description = "Days the audit bucket keeps current objects."
  value       = var.retention.days
}
