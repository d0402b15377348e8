# The plan's rules, the copy to the other region, the tag selection, and every
# validation and production minimum.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                       = "ecom-prod-us-east-1"
  kms_key_arn                = "arn:aws:kms:us-east-1:333333333333:key/11111111-1111-1111-1111-111111111111"
  copy_destination_vault_arn = "arn:aws:backup:us-west-2:333333333333:backup-vault:ecom-prod-us-west-2-data"
  production                 = true
  settings                   = { continuous_retention_days = 35, daily_retention_days = 35, copy_retention_days = 35 }
}

run "prod_plan" {
  command = apply

  assert {
    condition     = aws_backup_vault.this.kms_key_arn == var.kms_key_arn && !aws_backup_vault.this.force_destroy
    error_message = "the vault is encrypted with the data key and never force-destroyed"
  }

  assert {
    condition     = length([for r in aws_backup_plan.this.rule : r if r.rule_name == "continuous" && r.enable_continuous_backup && r.lifecycle[0].delete_after == 35]) == 1
    error_message = "a continuous-backup rule (point-in-time restore) keeps 35 days"
  }

  assert {
    condition     = length([for r in aws_backup_plan.this.rule : r if r.rule_name == "daily" && try(one(r.copy_action).destination_vault_arn, "") == var.copy_destination_vault_arn && try(one(r.copy_action).lifecycle[0].delete_after, 0) == 35]) == 1
    error_message = "daily snapshots are copied to the other region's vault and kept 35 days there"
  }

  assert {
    condition     = one(aws_backup_selection.this.selection_tag).key == "Backup" && one(aws_backup_selection.this.selection_tag).value == "ecom-prod-us-east-1-data" && output.plan_name == "ecom-prod-us-east-1-data"
    error_message = "the selection takes every resource tagged Backup = <plan name>"
  }

  assert {
    condition     = aws_backup_selection.this.iam_role_arn == aws_iam_role.this.arn && length(aws_iam_role_policy_attachment.this) == 2
    error_message = "the selection uses the role with the AWS Backup and restore policies"
  }
}

run "dev_without_copy" {
  command = plan

  variables {
    name                       = "ecom-dev-us-east-1"
    production                 = false
    copy_destination_vault_arn = null
    settings                   = {}
  }

  assert {
    condition     = length([for r in aws_backup_plan.this.rule : r if length(r.copy_action) > 0]) == 0
    error_message = "without a destination no rule copies"
  }
}

run "name_invalid" {
  command = plan

  variables {
    name = "Ecom Prod"
  }

  expect_failures = [var.name]
}

run "kms_not_a_key" {
  command = plan

  variables {
    kms_key_arn = "alias/aws/backup"
  }

  expect_failures = [var.kms_key_arn]
}

run "destination_not_a_vault" {
  command = plan

  variables {
    copy_destination_vault_arn = "arn:aws:s3:::bucket"
  }

  expect_failures = [var.copy_destination_vault_arn]
}

run "continuous_retention_too_long" {
  command = plan

  variables {
    settings = { continuous_retention_days = 36, daily_retention_days = 35, copy_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "daily_retention_zero" {
  command = plan

  variables {
    settings = { continuous_retention_days = 35, daily_retention_days = 0, copy_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "schedule_not_cron" {
  command = plan

  variables {
    settings = { continuous_retention_days = 35, daily_retention_days = 35, copy_retention_days = 35, daily_schedule = "daily" }
  }

  expect_failures = [var.settings]
}

run "prod_without_copy" {
  command = plan

  variables {
    copy_destination_vault_arn = null
  }

  expect_failures = [aws_backup_vault.this]
}

run "prod_short_retention" {
  command = plan

  variables {
    settings = { continuous_retention_days = 7, daily_retention_days = 7, copy_retention_days = 7 }
  }

  expect_failures = [aws_backup_vault.this]
}
