variable "name" {
  description = "Name prefix, e.g. ecom-prod-us-east-1: the vault and the plan are <name>-data, and the plan selects every resource tagged Backup = <name>-data."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,44}$", var.name))
    error_message = "name must be 2 to 45 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "kms_key_arn" {
  description = "KMS key (the security stack's data key in this region) that encrypts the vault's recovery points."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "copy_destination_vault_arn" {
  description = "ARN of the other region's vault every daily recovery point is copied to; null: no copy."
  type        = string
  default     = null

  validation {
    condition     = var.copy_destination_vault_arn == null || can(regex("^arn:aws[a-z-]*:backup:[a-z0-9-]+:[0-9]{12}:backup-vault:[A-Za-z0-9_.-]+$", var.copy_destination_vault_arn))
    error_message = "copy_destination_vault_arn must be a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>)."
  }
}

variable "production" {
  description = "True in a production environment: a copy to the other region and the retention minimums are enforced."
  type        = bool
  default     = false
  nullable    = false
}

variable "settings" {
  description = "Schedules and retention from the environment data (the `backup` section)."
  type = object({
    continuous_retention_days = optional(number, 7)
    daily_retention_days      = optional(number, 7)
    copy_retention_days       = optional(number, 7)
    daily_schedule            = optional(string, "cron(0 3 * * ? *)")
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.settings.continuous_retention_days >= 1 && var.settings.continuous_retention_days <= 35
    error_message = "settings.continuous_retention_days must be 1 to 35 (the limit of continuous backups)."
  }

  validation {
    condition     = var.settings.daily_retention_days >= 1 && var.settings.copy_retention_days >= 1
    error_message = "settings.daily_retention_days and copy_retention_days must be at least 1 day."
  }

  validation {
    condition     = can(regex("^cron\\(.+\\)$", var.settings.daily_schedule))
    error_message = "settings.daily_schedule must be a cron() expression."
  }
}
