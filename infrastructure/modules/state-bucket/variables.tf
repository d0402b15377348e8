variable "bucket_name" {
  description = "Name of the state bucket (globally unique), e.g. the environment module's `state_buckets[region]`."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !strcontains(var.bucket_name, "..")
    error_message = "bucket_name must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit."
  }
}

variable "kms_key_alias" {
  description = "Alias of the KMS key that encrypts the bucket, e.g. the environment module's `state_key_alias` (`alias/<project>-<env>-tfstate`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^alias/[a-zA-Z0-9/_-]{1,250}$", var.kms_key_alias)) && !startswith(var.kms_key_alias, "alias/aws/")
    error_message = "kms_key_alias must look like alias/<name> (letters, digits, / _ -) and must not use the reserved alias/aws/ prefix."
  }
}

variable "kms_deletion_window_days" {
  description = "Days a deleted KMS key waits before it is gone (7-30). The environment module's `security.kms_deletion_window_days`."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30 && floor(var.kms_deletion_window_days) == var.kms_deletion_window_days
    error_message = "kms_deletion_window_days must be a whole number from 7 to 30 (the range KMS accepts)."
  }
}

variable "force_destroy" {
  description = "Let `terraform destroy` delete the bucket with every state version in it. true only in non-production; false keeps production state from ever being lost."
  type        = bool
  default     = false
  nullable    = false
}

variable "noncurrent_version_expiration_days" {
  description = "When set, a lifecycle rule deletes state versions this many days after they stop being current (and aborts incomplete multipart uploads after 7 days). null (default) keeps every version: state files are small and old versions are the recovery path."
  type        = number
  default     = null

  validation {
    condition     = var.noncurrent_version_expiration_days == null || try(var.noncurrent_version_expiration_days >= 1 && floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days, false)
    error_message = "noncurrent_version_expiration_days must be null or a whole number of days >= 1."
  }
}

variable "tags" {
  description = "Tags added to the module's resources (the common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
