variable "environment" {
  description = "Environment name (infrastructure/environments/<environment>.json)."
  type        = string
  nullable    = false
}

variable "region" {
  description = "Region of this audit stack."
  type        = string
  nullable    = false
}

variable "audit_bucket_name" {
  description = "Audit bucket AWS Config delivers to (global stack output audit_bucket_name)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.audit_bucket_name)) && !can(regex("\\.\\.|^\\d+\\.\\d+\\.\\d+\\.\\d+$", var.audit_bucket_name))
    error_message = "audit_bucket_name must be an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit."
  }
}

variable "config_role_arn" {
  description = "Role of the AWS Config recorder (global stack output config_role_arn). null when the environment turns the recorder off (security.config_recorder = false); required otherwise (the regional-security module says so)."
  type        = string
  default     = null

  validation {
    condition     = var.config_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$", var.config_role_arn))
    error_message = "config_role_arn must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>."
  }
}
