variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this backup stack; one of the environment's regions."
  type        = string
  nullable    = false
}

variable "data_kms_key_arn" {
  description = "KMS key that encrypts the vault (the security stack's data_kms_key_arn in this region)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.data_kms_key_arn))
    error_message = "data_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the security stack's data_kms_key_arn output."
  }
}
