data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  dns_suffix = data.aws_partition.current.dns_suffix

  account_root = "arn:${local.partition}:iam::${local.account_id}:root"

  # Services whose calls on behalf of this account's principals may use a key, per class.
  # EBS encryption is done by EC2.
  default_via_services = {
    data    = ["rds", "elasticache", "kafka", "es", "ec2"]
    secrets = ["secretsmanager"]
  }

  via_services = {
    for class, key in var.keys : class => [
      for service in distinct(concat(lookup(local.default_via_services, class, []), key.via_services)) :
      "${service}.${local.region}.${local.dns_suffix}"
    ]
  }

  # Administration only: the account (and IAM principals it allows) manage the key, they do
  # not use it directly. kms:PutKeyPolicy keeps the key manageable (policy lockout check).
  admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:CreateGrant",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RevokeGrant",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]

  usage_actions = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey*",
    "kms:ReEncrypt*",
  ]
}

data "aws_iam_policy_document" "key" {
  for_each = var.keys

  statement {
    sid       = "AccountAdministration"
    actions   = local.admin_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }

  dynamic "statement" {
    for_each = each.key == "logs" ? [1] : []

    content {
      sid       = "CloudWatchLogsOfThisAccount"
      actions   = local.usage_actions
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["logs.${local.region}.${local.dns_suffix}"]
      }

      condition {
        test     = "ArnLike"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:*"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(local.via_services[each.key]) > 0 ? [1] : []

    content {
      sid       = "UseThroughServicesOfThisAccount"
      actions   = concat(local.usage_actions, ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"])
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = [local.account_root]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = local.via_services[each.key]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:CallerAccount"
        values   = [local.account_id]
      }
    }
  }

  dynamic "statement" {
    for_each = length(each.value.principal_arns) > 0 ? [1] : []

    content {
      sid       = "UseByNamedRoles"
      actions   = concat(local.usage_actions, ["kms:CreateGrant", "kms:ListGrants"])
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = [local.account_root]
      }

      condition {
        test     = "ArnLike"
        variable = "aws:PrincipalArn"
        values   = each.value.principal_arns
      }
    }
  }

  dynamic "statement" {
    for_each = length(each.value.service_principals) > 0 ? [1] : []

    content {
      sid       = "ExtraServicePrincipals"
      actions   = local.usage_actions
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = each.value.service_principals
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account_id]
      }
    }
  }
}

resource "aws_kms_key" "this" {
  for_each = var.keys

  description             = coalesce(each.value.description, "${var.name_prefix} ${each.key} data class")
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.key[each.key].json

  tags = merge(var.tags, {
    Name      = "${var.name_prefix}-${each.key}"
    DataClass = each.key
  })
}

resource "aws_kms_alias" "this" {
  for_each = var.keys

  name          = "alias/${var.name_prefix}-${each.key}"
  target_key_id = aws_kms_key.this[each.key].key_id
}
