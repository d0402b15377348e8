# Plan-level tests of the state bucket: encryption, versioning, access, key
# and bucket policies (their statements; the JSON is mocked).

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111111111111"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
}

variables {
  bucket_name              = "ecom-dev-us-east-1-tfstate-111111111111"
  kms_key_alias            = "alias/ecom-dev-tfstate"
  kms_deletion_window_days = 7
  force_destroy            = true
}

run "non_production_bucket" {
  command = plan

  assert {
    condition     = module.bucket.configuration.name == var.bucket_name && module.bucket.configuration.force_destroy
    error_message = "bucket must carry the given name and force_destroy = true when asked"
  }

  assert {
    condition     = module.bucket.configuration.versioning == "Enabled"
    error_message = "versioning must be on"
  }

  assert {
    condition     = module.bucket.configuration.public_access_block
    error_message = "all four public access blocks must be on"
  }

  assert {
    condition     = module.bucket.configuration.object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled (BucketOwnerEnforced)"
  }

  assert {
    condition     = module.bucket.configuration.bucket_key_enabled && module.bucket.configuration.sse_algorithm == "aws:kms" && module.bucket.configuration.policy_attached
    error_message = "default encryption must be SSE-KMS with a bucket key, and the policy attached"
  }

  assert {
    condition     = aws_kms_key.this.enable_key_rotation && aws_kms_key.this.deletion_window_in_days == 7
    error_message = "the key must rotate and use the given deletion window"
  }

  assert {
    condition     = aws_kms_alias.this.name == "alias/ecom-dev-tfstate"
    error_message = "the alias must be the given one"
  }

  assert {
    condition     = module.bucket.configuration.lifecycle_rule == null
    error_message = "no lifecycle rule unless asked for"
  }

  assert {
    condition     = module.bucket.configuration.tags == tomap({ Name = var.bucket_name })
    error_message = "the module adds only Name; common tags come from default_tags"
  }
}

run "production_keeps_state" {
  command = plan

  variables {
    force_destroy            = false
    kms_deletion_window_days = 30
  }

  assert {
    condition     = !module.bucket.configuration.force_destroy
    error_message = "force_destroy must be false when asked (production)"
  }

  assert {
    condition     = aws_kms_key.this.deletion_window_in_days == 30
    error_message = "deletion window must follow the input"
  }
}

run "lifecycle_rule_when_asked" {
  command = plan

  variables {
    noncurrent_version_expiration_days = 90
  }

  assert {
    condition     = module.bucket.configuration.lifecycle_rule.noncurrent_days == 90 && module.bucket.configuration.lifecycle_rule.expiration_days == null
    error_message = "the lifecycle rule must expire noncurrent versions after the given days"
  }
}

run "key_policy_is_scoped_to_the_account" {
  command = plan

  assert {
    condition = flatten([
      for s in data.aws_iam_policy_document.key.statement : [for p in s.principals : [for i in p.identifiers : "${p.type}=${i}"]]
    ]) == ["AWS=arn:aws:iam::111111111111:root"]
    error_message = "the key policy must grant only the account root"
  }
}

run "bucket_policy_denies_plain_http" {
  command = plan

  assert {
    condition     = module.bucket.configuration.tls_only && module.bucket.configuration.policy_attached
    error_message = "the bucket policy must deny plain HTTP (s3-bucket's TLS-only statement)"
  }

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.bucket.statement : s.effect == "Deny" && contains(s.actions, "s3:PutObject") && anytrue([
        for c in s.condition : c.test == "StringNotEquals" && c.variable == "s3:x-amz-server-side-encryption" && c.values == tolist(["aws:kms"])
        ]) && anytrue([
        for c in s.condition : c.test == "Null" && c.variable == "s3:x-amz-server-side-encryption" && c.values == tolist(["false"])
      ])
    ])
    error_message = "the bucket policy must deny uploads that ask for another encryption than aws:kms, and only those that ask"
  }
}
