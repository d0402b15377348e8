# The trail, the bucket and their policies; the account's IAM settings.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name_prefix = "ecom-dev"
  retention   = { days = 90 }
}

run "defaults" {
  command = plan

  assert {
    condition     = module.bucket.configuration.name == "ecom-dev-audit-111111111111" && !module.bucket.configuration.force_destroy
    error_message = "the bucket is <prefix>-audit-<account> and keeps its objects by default"
  }

  assert {
    condition = (
      aws_cloudtrail.this[0].is_multi_region_trail && aws_cloudtrail.this[0].include_global_service_events &&
      aws_cloudtrail.this[0].enable_log_file_validation && aws_cloudtrail.this[0].enable_logging &&
      aws_cloudtrail.this[0].kms_key_id == aws_kms_key.this[0].arn && aws_cloudtrail.this[0].s3_key_prefix == "cloudtrail"
    )
    error_message = "the trail is multi-region with global events, validation, logging on and KMS"
  }

  assert {
    condition     = aws_cloudtrail.this[0].cloud_watch_logs_group_arn == null && length(aws_cloudwatch_log_group.cloudtrail) == 0
    error_message = "CloudWatch Logs delivery is off by default"
  }

  assert {
    condition = (
      module.bucket.configuration.object_ownership == "BucketOwnerEnforced" &&
      module.bucket.configuration.versioning == "Enabled" &&
      module.bucket.configuration.public_access_block && module.bucket.configuration.policy_attached
    )
    error_message = "the bucket is owner-enforced, versioned and not public"
  }

  assert {
    condition     = module.bucket.configuration.sse_algorithm == "aws:kms"
    error_message = "the bucket is SSE-KMS"
  }

  assert {
    condition     = module.bucket.configuration.lifecycle_rule.expiration_days == 90 && module.bucket.configuration.lifecycle_rule.noncurrent_days == 30
    error_message = "objects expire after retention.days, replaced versions after 30 days"
  }

  assert {
    condition     = aws_kms_key.this[0].enable_key_rotation && aws_kms_key.this[0].deletion_window_in_days == 30
    error_message = "the audit key rotates and waits 30 days by default"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.bucket : { for c in s.condition : c.variable => c.values } if s.sid == "CloudTrailWrite"]) == jsonencode([{
      "aws:SourceArn" = ["arn:aws:cloudtrail:us-east-1:111111111111:trail/ecom-dev-trail"]
      "s3:x-amz-acl"  = ["bucket-owner-full-control"]
    }])
    error_message = "CloudTrail may write only for this trail (aws:SourceArn)"
  }

  assert {
    condition     = module.bucket.configuration.tls_only && module.bucket.configuration.policy_attached
    error_message = "the bucket denies requests without TLS (s3-bucket's statement) and carries the CloudTrail statements"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.key : { for c in s.condition : c.variable => c.values } if s.sid == "CloudTrailEncrypt"]) == jsonencode([{
      "aws:SourceArn"                            = ["arn:aws:cloudtrail:us-east-1:111111111111:trail/ecom-dev-trail"]
      "kms:EncryptionContext:aws:cloudtrail:arn" = ["arn:aws:cloudtrail:*:111111111111:trail/*"]
    }])
    error_message = "CloudTrail may encrypt with the key only for this account's trail"
  }

  assert {
    condition = alltrue([for doc, statements in output.policy_statements : alltrue([
      for s in statements : !(contains(coalesce(s.actions, []), "*") && contains(coalesce(s.resources, []), "*"))
    ])])
    error_message = "no policy grants * on *"
  }

  assert {
    condition = (
      aws_iam_account_password_policy.this[0].minimum_password_length == 14 && aws_iam_account_password_policy.this[0].password_reuse_prevention == 24 &&
      aws_iam_account_password_policy.this[0].max_password_age == 90 && aws_iam_account_password_policy.this[0].require_symbols &&
      aws_iam_account_password_policy.this[0].require_numbers && aws_iam_account_password_policy.this[0].require_lowercase_characters &&
      aws_iam_account_password_policy.this[0].require_uppercase_characters
    )
    error_message = "password policy: 14 characters, every class, 24 remembered, 90 days"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements.config_trust : [one(s.principals).identifiers, s.actions]]) == jsonencode([[
      ["config.amazonaws.com"], ["sts:AssumeRole"]
    ]])
    error_message = "only AWS Config may assume the Config role"
  }

  assert {
    condition     = aws_iam_role_policy_attachment.config[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole" && aws_iam_role.config[0].name == "ecom-dev-config"
    error_message = "the Config role has AWS_ConfigRole"
  }

  assert {
    condition     = jsonencode([for s in output.policy_statements.config_delivery : s.resources if s.sid == "DeliverToConfigPrefix"]) == jsonencode([["arn:aws:s3:::ecom-dev-audit-111111111111/config/*"]])
    error_message = "the Config role writes only under config/ of the audit bucket"
  }
}

run "production_like" {
  command = plan

  variables {
    retention       = { days = 2557 }
    cloudwatch_logs = { enabled = true, retention_days = 365 }
    tags            = { Role = "audit" }
  }

  assert {
    condition     = module.bucket.configuration.lifecycle_rule.expiration_days == 2557
    error_message = "retention follows the input"
  }

  assert {
    condition     = aws_cloudwatch_log_group.cloudtrail[0].name == "/aws/cloudtrail/ecom-dev" && aws_cloudwatch_log_group.cloudtrail[0].retention_in_days == 365 && aws_cloudwatch_log_group.cloudtrail[0].kms_key_id == aws_kms_key.this[0].arn
    error_message = "the trail's log group is encrypted and kept as asked"
  }

  assert {
    condition     = aws_iam_role.cloudtrail_logs[0].name == "ecom-dev-cloudtrail-logs" && length([for s in output.policy_statements.key : s if s.sid == "CloudWatchLogsOfTheTrail"]) == 1
    error_message = "CloudWatch delivery has its role and the key lets CloudWatch Logs use it"
  }

  assert {
    condition     = module.bucket.configuration.tags == tomap({ Role = "audit", Name = "ecom-dev-audit-111111111111" })
    error_message = "resources add only Name to the given tags"
  }
}

run "given_key_and_parts_off" {
  command = plan

  variables {
    create_kms_key         = false
    kms_key_arn            = "arn:aws:kms:us-east-1:111111111111:key/given"
    enable_cloudtrail      = false
    enable_password_policy = false
    enable_config_role     = false
    force_destroy          = true
  }

  assert {
    condition     = length(aws_kms_key.this) == 0 && length(aws_cloudtrail.this) == 0 && length(aws_iam_account_password_policy.this) == 0 && length(aws_iam_role.config) == 0
    error_message = "each part is switchable"
  }

  assert {
    condition     = output.cloudtrail_arn == null && output.config_role_arn == null && output.kms_key_arn == "arn:aws:kms:us-east-1:111111111111:key/given"
    error_message = "outputs survive switched-off parts"
  }

  assert {
    condition     = module.bucket.configuration.force_destroy && module.bucket.configuration.kms_key_arn == "arn:aws:kms:us-east-1:111111111111:key/given"
    error_message = "the given key encrypts the bucket"
  }

  assert {
    condition     = length(output.policy_statements.bucket) == 0 && module.bucket.configuration.tls_only
    error_message = "without a trail the bucket policy only denies non-TLS"
  }
}
