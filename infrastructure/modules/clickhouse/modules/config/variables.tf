variable "cluster_name" {
  description = "Name of the ClickHouse cluster in remote_servers and the {cluster} macro: lowercase letters, digits and '_'."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.cluster_name))
    error_message = "cluster_name must start with a letter and hold only lowercase letters, digits and '_' (at most 63)."
  }
}

variable "shards" {
  description = "Number of shards (1-16)."
  type        = number
  nullable    = false

  validation {
    condition     = var.shards >= 1 && var.shards <= 16 && floor(var.shards) == var.shards
    error_message = "shards must be a whole number from 1 to 16."
  }
}

variable "replicas" {
  description = "Replicas per shard (1-3: each replica of a shard lives in another AZ)."
  type        = number
  nullable    = false

  validation {
    condition     = var.replicas >= 1 && var.replicas <= 3 && floor(var.replicas) == var.replicas
    error_message = "replicas must be 1, 2 or 3 (each replica of a shard in its own AZ)."
  }
}

variable "keepers" {
  description = "Size of the ClickHouse Keeper ensemble: 1 (no quorum, non-production only), 3 or 5."
  type        = number
  nullable    = false

  validation {
    condition     = contains([1, 3, 5], var.keepers)
    error_message = "keepers must be 1, 3 or 5 (a Raft ensemble needs an odd size)."
  }
}

variable "hosts" {
  description = "Address of every node, by node name (the `servers` and `keepers` outputs name them). null: placeholders, for a layout-only evaluation."
  type        = map(string)
  default     = null
}

variable "ports" {
  description = "Ports: native protocol over TLS (clients and distributed queries), interserver HTTP (replication), Keeper client and Keeper Raft."
  type = object({
    native_secure    = optional(number, 9440)
    interserver_http = optional(number, 9009)
    keeper           = optional(number, 9181)
    keeper_raft      = optional(number, 9234)
  })
  default  = {}
  nullable = false
}

variable "backup" {
  description = "Where BACKUP ... TO Disk('backups', ...) writes: an S3 endpoint URL (https://<bucket>.s3.<region>.amazonaws.com/<prefix>/). Credentials come from the instance profile."
  type = object({
    endpoint = string
  })
  nullable = false

  validation {
    condition     = can(regex("^https://[a-z0-9.-]+\\.s3\\.[a-z0-9-]+\\.amazonaws\\.com/.*/$", var.backup.endpoint))
    error_message = "backup.endpoint must be an https S3 endpoint URL ending in '/'."
  }
}
