variable "name" {
  description = "Name prefix of every resource, e.g. ecom-prod-us-east-1; the replication group is <name>-redis."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,33}$", var.name))
    error_message = "name must be 2 to 34 lowercase letters, digits or hyphens, starting with a letter (replication group ids are at most 40 characters)."
  }
}

variable "production" {
  description = "True in a production environment: the production minimums (3 AZs, 2+ shards, 2 replicas per shard, non-burstable nodes, 7+ days of snapshots) are enforced."
  type        = bool
  default     = false
  nullable    = false
}

variable "vpc_id" {
  description = "Id of the VPC the cache lives in."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Data subnets for the cache subnet group, one per AZ (at least 2; 3 in production)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(distinct(var.subnet_ids)) >= 2
    error_message = "subnet_ids needs at least two distinct subnets (two AZs): Multi-AZ with automatic failover needs them."
  }
}

variable "client_security_group_ids" {
  description = "Security groups whose members may connect on the Redis port (the network's workload security group)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.client_security_group_ids) >= 1 && alltrue([for id in var.client_security_group_ids : can(regex("^sg-[0-9a-f]+$", id))])
    error_message = "client_security_group_ids must name at least one security group (sg-...)."
  }
}

variable "kms_key_arn" {
  description = "KMS key (the security stack's data key in this region) for encryption at rest."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key (the security stack's logs key in this region) for the slow-log and engine-log groups."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): the security stack's logs_kms_key_arn output."
  }
}

variable "global_datastore" {
  description = "Global Datastore role of this region: none (a regional cache), primary (this replication group is the writer of a new Global Datastore) or secondary (join global_replication_group_id as a read-only member)."
  type        = string
  default     = "none"
  nullable    = false

  validation {
    condition     = contains(["none", "primary", "secondary"], var.global_datastore)
    error_message = "global_datastore must be none, primary or secondary."
  }
}

variable "global_replication_group_id" {
  description = "Id of the Global Datastore to join (global_datastore = secondary): the primary region's redis output global_datastore_id."
  type        = string
  default     = null
}

variable "settings" {
  description = "Sizing and behaviour from the environment data (the `redis` section)."
  type = object({
    engine_version          = optional(string, "7.1")
    node_type               = optional(string, "cache.t4g.small")
    shards                  = optional(number, 1)
    replicas_per_shard      = optional(number, 1)
    snapshot_retention_days = optional(number, 7)
    snapshot_window         = optional(string, "03:00-04:00")
    maintenance_window      = optional(string, "sun:05:00-sun:06:00")
    log_retention_days      = optional(number, 30)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["7.0", "7.1"], var.settings.engine_version)
    error_message = "settings.engine_version must be 7.0 or 7.1 (the redis7 parameter file is checked against a Redis 7 server)."
  }

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.settings.node_type))
    error_message = "settings.node_type must be an ElastiCache node type (cache.<family>.<size>)."
  }

  validation {
    condition     = var.settings.shards >= 1 && var.settings.shards <= 500 && floor(var.settings.shards) == var.settings.shards
    error_message = "settings.shards must be a whole number from 1 to 500."
  }

  validation {
    condition     = var.settings.replicas_per_shard >= 1 && var.settings.replicas_per_shard <= 5 && floor(var.settings.replicas_per_shard) == var.settings.replicas_per_shard
    error_message = "settings.replicas_per_shard must be 1 to 5: automatic failover and Multi-AZ need a replica in every shard."
  }

  validation {
    condition     = var.settings.snapshot_retention_days >= 1 && var.settings.snapshot_retention_days <= 35
    error_message = "settings.snapshot_retention_days must be 1 to 35 (0 would turn snapshots off)."
  }

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.settings.log_retention_days)
    error_message = "settings.log_retention_days must be a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days)."
  }
}
