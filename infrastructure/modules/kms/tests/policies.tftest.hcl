# Key policies: the account administers every key, each class is usable only by its services.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-west-2" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name_prefix = "ecom-dev"
}

run "default_classes" {
  command = plan

  assert {
    condition     = toset(keys(aws_kms_key.this)) == toset(["logs", "data", "secrets"])
    error_message = "the default classes are logs, data and secrets"
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.enable_key_rotation && k.deletion_window_in_days == 30])
    error_message = "every key rotates (default period) and waits 30 days by default"
  }

  assert {
    condition     = aws_kms_alias.this["logs"].name == "alias/ecom-dev-logs" && aws_kms_alias.this["secrets"].name == "alias/ecom-dev-secrets"
    error_message = "aliases are alias/<prefix>-<class>"
  }

  assert {
    condition     = aws_kms_key.this["data"].tags == tomap({ Name = "ecom-dev-data", DataClass = "data" })
    error_message = "keys carry only Name and DataClass (common tags come from default_tags)"
  }

  assert {
    condition = alltrue([for class, statements in output.policy_statements : anytrue([
      for s in statements : s.sid == "AccountAdministration" && contains(s.actions, "kms:PutKeyPolicy") && toset(one(s.principals).identifiers) == toset(["arn:aws:iam::111111111111:root"])
    ])])
    error_message = "every key is administered by this account's root (with kms:PutKeyPolicy)"
  }

  assert {
    condition = alltrue([for class, statements in output.policy_statements : alltrue([
      for s in statements : !contains(s.actions, "*") && !contains(s.actions, "kms:*")
    ])])
    error_message = "no key policy grants * or kms:*"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["logs"] : {
      principal = one(s.principals)
      condition = one(s.condition)
      } if s.sid == "CloudWatchLogsOfThisAccount"]) == jsonencode([{
      principal = { type = "Service", identifiers = ["logs.us-west-2.amazonaws.com"] }
      condition = { test = "ArnLike", variable = "kms:EncryptionContext:aws:logs:arn", values = ["arn:aws:logs:us-west-2:111111111111:log-group:*"] }
    }])
    error_message = "the logs key is usable by CloudWatch Logs of this region for this account's log groups only"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["data"] : {
      for c in s.condition : c.variable => sort(c.values)
      } if s.sid == "UseThroughServicesOfThisAccount"]) == jsonencode([{
      "kms:ViaService"    = sort(["rds.us-west-2.amazonaws.com", "elasticache.us-west-2.amazonaws.com", "kafka.us-west-2.amazonaws.com", "es.us-west-2.amazonaws.com", "ec2.us-west-2.amazonaws.com"])
      "kms:CallerAccount" = ["111111111111"]
    }])
    error_message = "the data key is usable via RDS, ElastiCache, MSK, OpenSearch and EBS by this account only"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["secrets"] : {
      for c in s.condition : c.variable => c.values
      } if s.sid == "UseThroughServicesOfThisAccount"]) == jsonencode([{
      "kms:ViaService"    = ["secretsmanager.us-west-2.amazonaws.com"]
      "kms:CallerAccount" = ["111111111111"]
    }])
    error_message = "the secrets key is usable via Secrets Manager"
  }

  assert {
    condition     = jsonencode(sort([for s in output.policy_statements["secrets"] : s.sid])) == jsonencode(["AccountAdministration", "UseThroughServicesOfThisAccount"])
    error_message = "the secrets key has no other access (no CloudWatch Logs, no extra principals)"
  }
}

run "named_roles_use_a_key_directly" {
  command = plan

  variables {
    keys = {
      secrets = { principal_arns = ["arn:aws:iam::111111111111:role/ecom-dev-us-west-2-cluster"] }
    }
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["secrets"] : {
      principal = one(s.principals)
      condition = one(s.condition)
      actions   = sort(s.actions)
      } if s.sid == "UseByNamedRoles"]) == jsonencode([{
      principal = { type = "AWS", identifiers = ["arn:aws:iam::111111111111:root"] }
      condition = { test = "ArnLike", variable = "aws:PrincipalArn", values = ["arn:aws:iam::111111111111:role/ecom-dev-us-west-2-cluster"] }
      actions   = sort(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant", "kms:ListGrants"])
    }])
    error_message = "a named role (the EKS cluster role) uses the key directly, and only that role"
  }
}

run "extra_service_principals" {
  command = plan

  variables {
    deletion_window_in_days = 7
    keys = {
      events = { service_principals = ["sns.amazonaws.com"], via_services = ["sqs"] }
    }
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["events"] : {
      principal = one(s.principals)
      condition = one(s.condition)
      } if s.sid == "ExtraServicePrincipals"]) == jsonencode([{
      principal = { type = "Service", identifiers = ["sns.amazonaws.com"] }
      condition = { test = "StringEquals", variable = "aws:SourceAccount", values = ["111111111111"] }
    }])
    error_message = "extra service principals are limited to this account (aws:SourceAccount)"
  }

  assert {
    condition = jsonencode([for s in output.policy_statements["events"] : {
      for c in s.condition : c.variable => c.values
      } if s.sid == "UseThroughServicesOfThisAccount"]) == jsonencode([{
      "kms:ViaService"    = ["sqs.us-west-2.amazonaws.com"]
      "kms:CallerAccount" = ["111111111111"]
    }])
    error_message = "a class's via_services are added"
  }

  assert {
    condition     = aws_kms_key.this["events"].deletion_window_in_days == 7
    error_message = "the deletion window is the input"
  }
}
