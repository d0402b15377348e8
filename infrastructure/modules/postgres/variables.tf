variable "name" {
  description = "Name prefix of every resource, e.g. ecom-prod-us-east-1; the DB instance is <name>-postgres."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be 2 to 41 lowercase letters, digits or hyphens, starting with a letter (RDS identifiers)."
  }
}

variable "mode" {
  description = "What this region holds: primary (the writer, its same-region replicas and the proxy), cross_region_replica (a read replica of source_db_instance_arn, encrypted with this region's key) or standby (subnet group, parameter group and security group only, ready for a restore of a copied snapshot)."
  type        = string
  default     = "primary"
  nullable    = false

  validation {
    condition     = contains(["primary", "cross_region_replica", "standby"], var.mode)
    error_message = "mode must be primary, cross_region_replica or standby."
  }
}

variable "source_db_instance_arn" {
  description = "ARN of the primary DB instance in the other region (mode = cross_region_replica); null otherwise."
  type        = string
  default     = null

  validation {
    condition     = var.source_db_instance_arn == null || can(regex("^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:[a-z][a-z0-9-]*$", var.source_db_instance_arn))
    error_message = "source_db_instance_arn must be an RDS DB instance ARN (arn:aws:rds:<region>:<account>:db:<identifier>)."
  }
}

variable "production" {
  description = "True in a production environment: the production minimums (Multi-AZ, deletion protection, 3 AZs, non-burstable class, retention, replicas) are enforced."
  type        = bool
  default     = false
  nullable    = false
}

variable "vpc_id" {
  description = "Id of the VPC the database lives in."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Data subnets for the DB subnet group and the proxy, one per AZ (at least 2; 3 in production)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(distinct(var.subnet_ids)) >= 2
    error_message = "subnet_ids needs at least two distinct subnets (two AZs): RDS subnet groups and Multi-AZ need them."
  }
}

variable "client_security_group_ids" {
  description = "Security groups whose members may connect on the PostgreSQL port (the network's workload security group)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.client_security_group_ids) >= 1 && alltrue([for id in var.client_security_group_ids : can(regex("^sg-[0-9a-f]+$", id))])
    error_message = "client_security_group_ids must name at least one security group (sg-...)."
  }
}

variable "kms_key_arn" {
  description = "KMS key (the security stack's data key in this region) for storage, Performance Insights and replicas."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "secrets_kms_key_arn" {
  description = "KMS key (the security stack's secrets key) for the RDS-managed master password secret."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.secrets_kms_key_arn))
    error_message = "secrets_kms_key_arn must be a KMS key ARN."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key (the security stack's logs key) for the PostgreSQL log group."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN."
  }
}

variable "backup_plan_name" {
  description = "AWS Backup plan that selects the primary by the tag Backup = <plan>; null: no Backup tag."
  type        = string
  default     = null
}

variable "settings" {
  description = "Sizing and behaviour from the environment data (the `postgres` section)."
  type = object({
    engine_version                      = optional(string, "16.4")
    instance_class                      = optional(string, "db.t4g.medium")
    replica_instance_class              = optional(string)
    allocated_storage                   = optional(number, 50)
    max_allocated_storage               = optional(number, 200)
    multi_az                            = optional(bool, false)
    replica_count                       = optional(number, 0)
    backup_retention_days               = optional(number, 7)
    backup_window                       = optional(string, "03:00-04:00")
    maintenance_window                  = optional(string, "sun:05:00-sun:06:00")
    deletion_protection                 = optional(bool, false)
    max_connections                     = optional(number, 200)
    performance_insights_retention_days = optional(number, 7)
    monitoring_interval                 = optional(number, 60)
    log_retention_days                  = optional(number, 30)
    proxy                               = optional(bool, true)
    database_name                       = optional(string, "app")
    master_username                     = optional(string, "app_admin")
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["15", "16", "17"], split(".", var.settings.engine_version)[0]) && can(regex("^[0-9]+\\.[0-9]+$", var.settings.engine_version))
    error_message = "settings.engine_version must be a PostgreSQL 15, 16 or 17 minor version such as 16.4 (the parameter file is checked against these majors)."
  }

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.settings.instance_class)) && (var.settings.replica_instance_class == null || can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", coalesce(var.settings.replica_instance_class, "x"))))
    error_message = "settings.instance_class and replica_instance_class must be RDS instance classes (db.<family>.<size>)."
  }

  validation {
    condition     = var.settings.allocated_storage >= 20 && var.settings.max_allocated_storage >= var.settings.allocated_storage && var.settings.max_allocated_storage <= 65536
    error_message = "settings.allocated_storage must be at least 20 GiB and max_allocated_storage (storage autoscaling limit) at least allocated_storage and at most 65536."
  }

  validation {
    condition     = var.settings.backup_retention_days >= 1 && var.settings.backup_retention_days <= 35
    error_message = "settings.backup_retention_days must be 1 to 35: 0 would turn off automated backups and point-in-time recovery."
  }

  validation {
    condition     = var.settings.replica_count >= 0 && var.settings.replica_count <= 5 && floor(var.settings.replica_count) == var.settings.replica_count
    error_message = "settings.replica_count must be a whole number from 0 to 5."
  }

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.settings.monitoring_interval)
    error_message = "settings.monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60 seconds."
  }

  validation {
    condition     = var.settings.performance_insights_retention_days == 7 || (var.settings.performance_insights_retention_days % 31 == 0 && var.settings.performance_insights_retention_days <= 731)
    error_message = "settings.performance_insights_retention_days must be 7 or a multiple of 31 up to 731."
  }

  validation {
    condition     = var.settings.max_connections >= 20 && var.settings.max_connections <= 5000
    error_message = "settings.max_connections must be 20 to 5000."
  }
}
