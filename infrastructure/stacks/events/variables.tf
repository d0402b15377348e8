variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json (section `events`)."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this events stack; one of the environment's regions."
  type        = string
  nullable    = false
}

variable "vpc_id" {
  description = "VPC of the brokers (the network stack's `vpc_id`)."
  type        = string
  nullable    = false
}

variable "data_subnet_ids" {
  description = "Data subnets, one per AZ (the network stack's `data_subnet_ids`): the brokers' client subnets."
  type        = list(string)
  nullable    = false
}

variable "workload_security_group_id" {
  description = "The network stack's `workload_security_group_id`: the clients the brokers admit (by reference, on 9098)."
  type        = string
  nullable    = false
}

variable "private_subnet_cidrs" {
  description = "CIDRs of the private subnets (the network stack's `private_subnet_cidrs`): where the Prometheus scrapers of the exporters run."
  type        = list(string)
  nullable    = false
}

variable "data_kms_key_arn" {
  description = "KMS key encrypting the broker volumes (the security stack's `data_kms_key_arn`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.data_kms_key_arn))
    error_message = "data_kms_key_arn must be a KMS key ARN: the security stack's data_kms_key_arn output."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key of the broker log group (the security stack's `logs_kms_key_arn`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN: the security stack's logs_kms_key_arn output."
  }
}

variable "primary_cluster_arn" {
  description = "The primary region's cluster (events@primary.cluster_arn): the replicator's source. Null in the primary region itself."
  type        = string
  default     = null

  validation {
    condition     = var.primary_cluster_arn == null || var.primary_cluster_arn == "" || can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/", var.primary_cluster_arn))
    error_message = "primary_cluster_arn must be an MSK cluster ARN: the primary events stack's cluster_arn output."
  }
}

variable "primary_subnet_ids" {
  description = "The primary cluster's client subnets (events@primary.subnet_ids), where the replicator reaches it."
  type        = list(string)
  default     = null
}

variable "primary_replicator_security_group_ids" {
  description = "The replicator's security group in the primary VPC (events@primary.replicator_security_group_ids)."
  type        = list(string)
  default     = null
}

variable "primary_schema_registry_arn" {
  description = "The primary region's schema registry (events@primary.schema_registry_arn): consumers here also read it, for the schema version ids of replicated records."
  type        = string
  default     = null
}
