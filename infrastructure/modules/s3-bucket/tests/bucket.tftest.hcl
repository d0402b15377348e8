# The platform's private bucket: what every bucket gets, and the two options.

mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }

  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name        = "ecom-dev-example-111111111111"
  kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0000"
}

run "private_versioned_kms_by_default" {
  command = plan

  assert {
    condition     = output.configuration.versioning == "Enabled"
    error_message = "versioning must be on"
  }

  assert {
    condition     = output.configuration.public_access_block && output.configuration.object_ownership == "BucketOwnerEnforced"
    error_message = "all public access blocked and ACLs off"
  }

  assert {
    condition     = output.configuration.sse_algorithm == "aws:kms" && output.configuration.kms_key_arn == var.kms_key_arn && output.configuration.bucket_key_enabled
    error_message = "SSE-KMS with the given key and a bucket key"
  }

  assert {
    condition     = !output.configuration.force_destroy && length(aws_s3_bucket_lifecycle_configuration.this) == 0
    error_message = "no force_destroy or lifecycle unless asked"
  }

  assert {
    condition = output.configuration.tls_only && output.configuration.policy_attached && jsonencode([
      for s in data.aws_iam_policy_document.this[0].statement : [s.sid, s.effect, s.actions, s.resources, one(s.condition).test, one(s.condition).variable, one(s.condition).values]
      ]) == jsonencode([[
        "DenyInsecureTransport", "Deny", ["s3:*"],
        ["arn:aws:s3:::ecom-dev-example-111111111111", "arn:aws:s3:::ecom-dev-example-111111111111/*"],
        "Bool", "aws:SecureTransport", ["false"]
    ]])
    error_message = "every bucket is TLS-only by default: one Deny on aws:SecureTransport = false over the bucket and its objects"
  }

  assert {
    condition     = output.configuration.tags == tomap({ Name = var.name })
    error_message = "the bucket adds only its Name tag"
  }
}

run "policy_and_lifecycle" {
  command = plan

  variables {
    force_destroy  = true
    attach_policy  = true
    policy         = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    lifecycle_rule = { id = "retention", expiration_days = 90, noncurrent_days = 30 }
  }

  assert {
    condition     = output.configuration.force_destroy && output.configuration.policy_attached && data.aws_iam_policy_document.this[0].source_policy_documents == tolist([var.policy])
    error_message = "the caller's policy is merged into the bucket policy"
  }

  assert {
    condition = (
      aws_s3_bucket_lifecycle_configuration.this[0].rule[0].expiration[0].days == 90 &&
      aws_s3_bucket_lifecycle_configuration.this[0].rule[0].noncurrent_version_expiration[0].noncurrent_days == 30 &&
      aws_s3_bucket_lifecycle_configuration.this[0].rule[0].abort_incomplete_multipart_upload[0].days_after_initiation == 7
    )
    error_message = "the lifecycle rule carries the given days"
  }
}

run "no_policy_when_neither_asked" {
  command = plan

  variables {
    deny_insecure_transport = false
  }

  assert {
    condition     = !output.configuration.policy_attached && length(data.aws_iam_policy_document.this) == 0
    error_message = "without the TLS statement and without a caller policy the bucket has no policy"
  }
}

run "noncurrent_only_lifecycle" {
  command = plan

  variables {
    lifecycle_rule = { id = "old-versions", noncurrent_days = 90 }
  }

  assert {
    condition     = length(aws_s3_bucket_lifecycle_configuration.this[0].rule[0].expiration) == 0
    error_message = "current versions never expire when expiration_days is null"
  }
}

run "bad_name" {
  command = plan

  variables {
    name = "Not_A_Bucket"
  }

  expect_failures = [var.name]
}

run "ip_address_name" {
  command = plan

  variables {
    name = "10.0.0.1"
  }

  expect_failures = [var.name]
}

run "kms_alias_is_not_a_key_arn" {
  command = plan

  variables {
    kms_key_arn = "alias/ecom-dev-data"
  }

  expect_failures = [var.kms_key_arn]
}

run "lifecycle_needs_days" {
  command = plan

  variables {
    lifecycle_rule = { id = "nothing" }
  }

  expect_failures = [var.lifecycle_rule]
}

run "lifecycle_days_whole_and_positive" {
  command = plan

  variables {
    lifecycle_rule = { id = "bad", expiration_days = 0 }
  }

  expect_failures = [var.lifecycle_rule]
}
