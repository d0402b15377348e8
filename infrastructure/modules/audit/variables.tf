variable "name_prefix" {
  description = "Prefix of every name: trail <name_prefix>-trail, roles <name_prefix>-config and <name_prefix>-cloudtrail-logs, bucket <name_prefix>-audit-<account_id>."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,40}$", var.name_prefix))
    error_message = "name_prefix must be lowercase letters, digits and '-' (it is part of an S3 bucket name), at most 41 characters."
  }
}

variable "bucket_name" {
  description = "Name of the audit bucket. Null: <name_prefix>-audit-<account_id>."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, '.', '-')."
  }
}

variable "force_destroy" {
  description = "Let terraform destroy the audit bucket with its objects. Keep false in production."
  type        = bool
  default     = false
  nullable    = false
}

variable "retention" {
  description = "Lifecycle of the audit bucket: current objects expire after `days`, replaced versions after `noncurrent_days`, unfinished uploads after `abort_incomplete_upload_days`."
  type = object({
    days                         = number
    noncurrent_days              = optional(number, 30)
    abort_incomplete_upload_days = optional(number, 7)
  })
  nullable = false

  validation {
    condition     = var.retention.days >= 1 && var.retention.noncurrent_days >= 1 && var.retention.abort_incomplete_upload_days >= 1
    error_message = "retention days must be at least 1."
  }
}

variable "create_kms_key" {
  description = "Create the KMS key that encrypts the trail and the bucket. False: pass kms_key_arn (its policy must let CloudTrail encrypt, see README)."
  type        = bool
  default     = true
  nullable    = false
}

variable "kms_key_arn" {
  description = "ARN of an existing KMS key, used when create_kms_key is false."
  type        = string
  default     = null

  validation {
    condition     = var.create_kms_key || var.kms_key_arn != null
    error_message = "kms_key_arn is required when create_kms_key is false."
  }
}

variable "kms_deletion_window_in_days" {
  description = "Deletion window of the key this module creates (7 to 30)."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30
    error_message = "kms_deletion_window_in_days must be from 7 to 30."
  }
}

variable "enable_cloudtrail" {
  description = "Create the multi-region CloudTrail trail (global service events, log file validation, logging on)."
  type        = bool
  default     = true
  nullable    = false
}

variable "cloudwatch_logs" {
  description = "Also deliver the trail to a CloudWatch Logs group (/aws/cloudtrail/<name_prefix>), KMS-encrypted, kept retention_days."
  type = object({
    enabled        = optional(bool, false)
    retention_days = optional(number, 365)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cloudwatch_logs.retention_days)
    error_message = "cloudwatch_logs.retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "enable_password_policy" {
  description = "Manage the IAM account password policy (one per account)."
  type        = bool
  default     = true
  nullable    = false
}

variable "password_policy" {
  description = "IAM account password policy. Every character class is always required."
  type = object({
    minimum_length   = optional(number, 14)
    reuse_prevention = optional(number, 24)
    max_age_days     = optional(number, 90)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.password_policy.minimum_length >= 14 && var.password_policy.minimum_length <= 128
    error_message = "password_policy.minimum_length must be from 14 to 128."
  }

  validation {
    condition     = var.password_policy.reuse_prevention >= 1 && var.password_policy.reuse_prevention <= 24 && var.password_policy.max_age_days >= 1 && var.password_policy.max_age_days <= 1095
    error_message = "password_policy.reuse_prevention must be 1 to 24 and max_age_days 1 to 1095."
  }
}

variable "enable_config_role" {
  description = "Create the IAM role AWS Config recorders of every region use (AWS_ConfigRole plus delivery to the bucket's config/ prefix)."
  type        = bool
  default     = true
  nullable    = false
}

variable "tags" {
  description = "Tags added to the resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
