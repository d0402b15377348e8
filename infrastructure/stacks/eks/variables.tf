variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this EKS stack; one of the environment's regions."
  type        = string
  nullable    = false
}

variable "vpc_id" {
  description = "VPC of the cluster (the network stack's `vpc_id`)."
  type        = string
  nullable    = false
}

variable "private_subnet_ids" {
  description = "Private subnets, one per AZ (the network stack's `private_subnet_ids`): control plane interfaces, nodes and pods."
  type        = list(string)
  nullable    = false
}

variable "workload_security_group_id" {
  description = "The network stack's `workload_security_group_id`: every node carries it, and the data stores and Kafka admit clients from it."
  type        = string
  nullable    = false
}

variable "secrets_kms_key_arn" {
  description = "The security stack's `secrets_kms_key_arn`: envelope encryption of the Kubernetes secrets."
  type        = string
  nullable    = false
}

variable "logs_kms_key_arn" {
  description = "The security stack's `logs_kms_key_arn`: control plane and container log groups."
  type        = string
  nullable    = false
}
