variable "name" {
  description = "Bucket name (globally unique)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name)) && !can(regex("\\.\\.|^\\d+\\.\\d+\\.\\d+\\.\\d+$", var.name))
    error_message = "name must be an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, not an IP address."
  }
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts every object by default (SSE-KMS with a bucket key)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "force_destroy" {
  description = "Let a destroy delete every object version with the bucket. Keep false where the data must outlive the stack (production)."
  type        = bool
  default     = false
  nullable    = false
}

variable "deny_insecure_transport" {
  description = "Add a statement to the bucket policy that denies every request over plain HTTP (aws:SecureTransport = false). On by default: every bucket of the platform is TLS-only."
  type        = bool
  default     = true
  nullable    = false
}

variable "attach_policy" {
  description = "Merge `policy` into the bucket policy. A switch of its own because the policy JSON may not be known until apply."
  type        = bool
  default     = false
  nullable    = false
}

variable "policy" {
  description = "Bucket policy JSON of the caller's own statements (with attach_policy = true); merged with the TLS-only statement."
  type        = string
  default     = null
}

variable "lifecycle_rule" {
  description = "One lifecycle rule over the whole bucket: current versions expire after expiration_days (null: never), noncurrent versions after noncurrent_days (null: never), unfinished multipart uploads are aborted. null: no lifecycle configuration."
  type = object({
    id                           = string
    expiration_days              = optional(number)
    noncurrent_days              = optional(number)
    abort_incomplete_upload_days = optional(number, 7)
  })
  default = null

  validation {
    condition = var.lifecycle_rule == null || try(
      alltrue([for d in [var.lifecycle_rule.expiration_days, var.lifecycle_rule.noncurrent_days, var.lifecycle_rule.abort_incomplete_upload_days] : d == null ? true : (d >= 1 && floor(d) == d)]),
      false
    )
    error_message = "lifecycle_rule days must be whole numbers of at least 1."
  }

  validation {
    condition     = var.lifecycle_rule == null || try(var.lifecycle_rule.expiration_days != null || var.lifecycle_rule.noncurrent_days != null, false)
    error_message = "lifecycle_rule needs expiration_days or noncurrent_days."
  }
}

variable "tags" {
  description = "Tags added to the bucket (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
