variable "name" {
  description = "Name prefix of every resource (e.g. ecom-prod-us-east-1)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,36}$", var.name))
    error_message = "name must be 3-37 lowercase letters, digits and '-', starting with a letter."
  }
}

variable "is_production" {
  description = "Production clusters must meet the minimums: at least 2 shards and 2 replicas, a 3- or 5-node Keeper ensemble, 3 AZs, data volumes of at least 500 GiB, no burstable server instances, and a backup bucket that a destroy cannot empty (checked as preconditions)."
  type        = bool
  default     = false
  nullable    = false
}

variable "cluster" {
  description = "Cluster shape and sizing: ClickHouse version (an LTS line), shards x replicas of servers (arm64 instance types), the Keeper ensemble, and each server's gp3 data volume."
  type = object({
    version                    = string
    shards                     = number
    replicas                   = number
    keepers                    = number
    server_instance_type       = string
    keeper_instance_type       = string
    data_volume_gib            = number
    data_volume_iops           = optional(number, 3000)
    data_volume_throughput_mib = optional(number, 125)
  })
  nullable = false

  validation {
    condition     = contains(["24.8", "25.3", "25.8"], var.cluster.version)
    error_message = "cluster.version must be a supported ClickHouse LTS line: 24.8, 25.3 or 25.8."
  }

  validation {
    condition     = var.cluster.shards >= 1 && var.cluster.shards <= 16 && floor(var.cluster.shards) == var.cluster.shards && contains([1, 2, 3], var.cluster.replicas) && contains([1, 3, 5], var.cluster.keepers)
    error_message = "cluster.shards must be 1-16, cluster.replicas 1-3 (one AZ each) and cluster.keepers 1, 3 or 5 (an odd Raft ensemble)."
  }

  validation {
    condition     = can(regex("^[a-z][0-9]+g[a-z]*\\.[0-9a-z]+$", var.cluster.server_instance_type)) && can(regex("^[a-z][0-9]+g[a-z]*\\.[0-9a-z]+$", var.cluster.keeper_instance_type))
    error_message = "Instance types must be Graviton (arm64) types such as r7g.xlarge or t4g.small: the AMI is arm64."
  }

  validation {
    condition     = var.cluster.data_volume_gib >= 20 && var.cluster.data_volume_gib <= 16384 && var.cluster.data_volume_iops >= 3000 && var.cluster.data_volume_throughput_mib >= 125
    error_message = "gp3 data volumes need 20-16384 GiB, at least 3000 IOPS and 125 MiB/s."
  }
}

variable "vpc_id" {
  description = "VPC of the cluster (the network stack's vpc_id)."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Data subnets, ordered by AZ (the network stack's data_subnet_ids). Replicas of a shard and the keepers are spread over them."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 1 && length(var.subnet_ids) <= 3
    error_message = "subnet_ids must hold 1 to 3 subnets (one per AZ)."
  }
}

variable "client_security_group_ids" {
  description = "Security groups admitted on the native TLS port (9440): the workload nodes' group (the network stack's workload_security_group_id)."
  type        = list(string)
  nullable    = false
}

variable "kms_key_arn" {
  description = "KMS key of the EBS volumes and the backup bucket (the security stack's data key)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "backup" {
  description = "Backup bucket: its name, how long backups are kept, and whether a destroy may delete it with its objects (never in production)."
  type = object({
    bucket_name    = string
    retention_days = optional(number, 14)
    force_destroy  = optional(bool, false)
  })
  nullable = false

  validation {
    condition     = var.backup.retention_days >= 1 && floor(var.backup.retention_days) == var.backup.retention_days
    error_message = "backup.retention_days must be a whole number of at least 1."
  }
}

variable "backup_plan_name" {
  description = "AWS Backup plan that selects resources tagged Backup = <plan> (the backup stack's plan_name): the data volumes (EBS snapshots) and the backup bucket join it, so both are copied to the other region. null: no AWS Backup."
  type        = string
  default     = null
}

variable "ami_ssm_parameter" {
  description = "SSM public parameter holding the AMI id: Amazon Linux 2023 arm64 (its AWS CLI and dnf install the ClickHouse packages from the bucket's artifacts/ prefix)."
  type        = string
  default     = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
  nullable    = false
}

variable "tags" {
  description = "Tags added to the module's resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
