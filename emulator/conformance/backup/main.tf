# The data layer's AWS Backup resource types: a vault per region (KMS), a plan
# with a continuous-backup rule and a daily rule copying to the other region's
# vault, the service role with the AWS-managed backup and restore policies,
# and a selection by tag, as the backup stacks build them.

provider "aws" {
  alias  = "west"
  region = "us-west-2"

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "emulator-conformance"
    }
  }
}

resource "aws_kms_key" "this" {
  description             = "${var.name} backup vault"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_kms_key" "west" {
  provider = aws.west

  description             = "${var.name} backup vault (us-west-2)"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_backup_vault" "this" {
  name        = "${var.name}-data"
  kms_key_arn = aws_kms_key.this.arn
}

resource "aws_backup_vault" "west" {
  provider = aws.west

  name        = "${var.name}-data"
  kms_key_arn = aws_kms_key.west.arn
}

resource "aws_backup_plan" "this" {
  name = "${var.name}-data"

  rule {
    rule_name                = "continuous"
    target_vault_name        = aws_backup_vault.this.name
    schedule                 = "cron(0 * * * ? *)"
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 180

    lifecycle {
      delete_after = 35
    }
  }

  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.this.name
    schedule                 = "cron(0 3 * * ? *)"
    enable_continuous_backup = false
    start_window             = 60
    completion_window        = 360

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.west.arn

      lifecycle {
        delete_after = 35
      }
    }
  }
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

resource "aws_iam_role" "backup" {
  name               = "${var.name}-backup"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = toset(["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"])

  role       = aws_iam_role.backup.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/${each.key}"
}

resource "aws_backup_selection" "this" {
  name         = "${var.name}-data"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "${var.name}-data"
  }
}
