# AWS Backup for the data stores of one region: a vault encrypted with the data
# key, a plan with continuous backups (point-in-time restore, RPO about 5
# minutes, for RDS) and daily snapshots copied to the other region's vault, and
# a selection of every resource tagged Backup = <plan name>.

data "aws_partition" "current" {}

locals {
  plan_name = "${var.name}-data"
}

resource "aws_backup_vault" "this" {
  name          = local.plan_name
  kms_key_arn   = var.kms_key_arn
  force_destroy = false

  tags = { Name = local.plan_name }

  lifecycle {
    precondition {
      condition     = !var.production || var.copy_destination_vault_arn != null
      error_message = "Production backups must be copied to the other region (copy_destination_vault_arn)."
    }
    precondition {
      condition     = !var.production || (var.settings.continuous_retention_days >= 14 && var.settings.daily_retention_days >= 35 && var.settings.copy_retention_days >= 35)
      error_message = "Production keeps continuous backups for at least 14 days and daily snapshots (and their copies) for at least 35."
    }
  }
}

resource "aws_backup_plan" "this" {
  name = local.plan_name

  # Continuous backup: RDS point-in-time restore to any second in the window.
  rule {
    rule_name                = "continuous"
    target_vault_name        = aws_backup_vault.this.name
    schedule                 = "cron(0 * * * ? *)"
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 180

    lifecycle {
      delete_after = var.settings.continuous_retention_days
    }

    recovery_point_tags = { Rule = "continuous" }
  }

  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.this.name
    schedule                 = var.settings.daily_schedule
    enable_continuous_backup = false
    start_window             = 60
    completion_window        = 360

    lifecycle {
      delete_after = var.settings.daily_retention_days
    }

    dynamic "copy_action" {
      for_each = var.copy_destination_vault_arn == null ? [] : [var.copy_destination_vault_arn]

      content {
        destination_vault_arn = copy_action.value

        lifecycle {
          delete_after = var.settings.copy_retention_days
        }
      }
    }

    recovery_point_tags = { Rule = "daily" }
  }

  tags = { Name = local.plan_name }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${local.plan_name}-backup"
  description        = "AWS Backup: back up and restore the data stores selected by ${local.plan_name}"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = { Name = "${local.plan_name}-backup" }
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = toset(["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"])

  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/${each.key}"
}

resource "aws_backup_selection" "this" {
  name         = local.plan_name
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.this.arn

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = local.plan_name
  }
}
