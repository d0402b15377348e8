variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this redis stack; one of the environment's regions."
  type        = string
  nullable    = false
}

variable "vpc_id" {
  description = "Id of the VPC (the network stack's `vpc_id`)."
  type        = string
  nullable    = false
}

variable "data_subnet_ids" {
  description = "Data subnets, one per AZ (the network stack's `data_subnet_ids`)."
  type        = list(string)
  nullable    = false
}

variable "workload_security_group_id" {
  description = "Security group every workload node carries (the network stack's `workload_security_group_id`): the only clients admitted."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^sg-[0-9a-f]+$", var.workload_security_group_id))
    error_message = "workload_security_group_id must be a security group id (sg-...): the network stack's workload_security_group_id output."
  }
}

variable "data_kms_key_arn" {
  description = "KMS key for encryption at rest (the security stack's data_kms_key_arn in this region)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.data_kms_key_arn))
    error_message = "data_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the security stack's data_kms_key_arn output."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key for the Redis log groups (the security stack's logs_kms_key_arn in this region)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the security stack's logs_kms_key_arn output."
  }
}

variable "global_datastore_id" {
  description = "The primary region's Global Datastore id (`redis@primary.global_datastore_id`); omitted, so null, in the primary region itself."
  type        = string
  default     = null
}
