variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this network stack; one of the environment's regions."
  type        = string
  nullable    = false
}

variable "logs_kms_key_arn" {
  description = "ARN of the KMS key for log groups (the security stack's `logs_kms_key_arn`); encrypts the VPC flow logs."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the security stack's logs_kms_key_arn output."
  }
}
