variable "name" {
  description = "Name of the cluster, its configuration, log group, security groups and IAM policies (e.g. ecom-prod-us-east-1-events)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9A-Za-z][0-9A-Za-z-]{0,49}$", var.name))
    error_message = "name must be letters, digits and '-', at most 50 characters (MSK allows 64; the policies add suffixes)."
  }
}

variable "kafka_version" {
  description = "Apache Kafka version of the cluster and its configuration (an MSK-supported version, e.g. 3.6.0)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+", var.kafka_version))
    error_message = "kafka_version must be an MSK version such as 3.6.0."
  }
}

variable "brokers" {
  description = "Broker sizing: instance type, count (a multiple of the subnets' AZs), EBS volume in GiB, the storage autoscaling ceiling in GiB and the enhanced monitoring level."
  type = object({
    instance_type       = string
    count               = number
    volume_size         = number
    max_volume_size     = number
    enhanced_monitoring = optional(string, "DEFAULT")
  })
  nullable = false

  validation {
    condition     = startswith(var.brokers.instance_type, "kafka.")
    error_message = "brokers.instance_type must be an MSK broker type (kafka.t3.small, kafka.m7g.large, ...)."
  }

  validation {
    condition     = var.brokers.volume_size >= 1 && var.brokers.volume_size <= 16384 && var.brokers.max_volume_size >= var.brokers.volume_size && var.brokers.max_volume_size <= 16384
    error_message = "brokers.volume_size must be 1-16384 GiB and max_volume_size at least volume_size, at most 16384."
  }

  validation {
    condition     = contains(["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"], var.brokers.enhanced_monitoring)
    error_message = "brokers.enhanced_monitoring must be DEFAULT, PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION."
  }
}

variable "server_properties" {
  description = "Cluster-wide Kafka settings (the MSK configuration). auto.create.topics.enable is always false: topics come from events/topics.json."
  type = object({
    default_replication_factor = number
    min_insync_replicas        = number
    log_retention_hours        = number
  })
  nullable = false

  validation {
    condition     = var.server_properties.min_insync_replicas >= 1 && var.server_properties.min_insync_replicas <= var.server_properties.default_replication_factor
    error_message = "server_properties.min_insync_replicas must be from 1 to default_replication_factor."
  }
}

variable "vpc_id" {
  description = "VPC of the brokers."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Client subnets of the brokers, one per AZ (the network's data subnets; the broker count must be a multiple of their number)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 2 && length(var.subnet_ids) <= 3
    error_message = "MSK needs two or three client subnets (one per AZ)."
  }
}

variable "client_security_group_ids" {
  description = "Security groups whose members are the clients (the network's workload security group): admitted by reference on SASL/IAM 9098, and SASL/SCRAM 9096 when on."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.client_security_group_ids) >= 1
    error_message = "client_security_group_ids must name at least one security group: clients are admitted by reference, never by CIDR."
  }
}

variable "monitoring_cidrs" {
  description = "CIDRs of the Prometheus scrapers allowed to the JMX (11001) and node (11002) exporters; empty: none."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "at_rest_kms_key_arn" {
  description = "KMS key encrypting the broker volumes (the security stack's data key)."
  type        = string
  nullable    = false
}

variable "logs" {
  description = "Broker logs: the KMS key of the CloudWatch log group and its retention in days."
  type = object({
    kms_key_arn    = string
    retention_days = number
  })
  nullable = false
}

variable "sasl_scram" {
  description = "Also accept SASL/SCRAM clients (port 9096), for a client that cannot use IAM; their secrets are associated separately. IAM stays on either way."
  type        = bool
  default     = false
  nullable    = false
}

variable "topics" {
  description = "The topics (events/topics.json `topics`): the client IAM policies are built from each topic's producers and consumers."
  type = map(object({
    producers = list(string)
    consumers = list(string)
  }))
  default  = {}
  nullable = false
}

variable "schema_registry_arns" {
  description = "Glue schema registries whose schemas the clients read (read-only): this region's, and in a replica region also the source region's, whose schema version ids the replicated records carry. Empty leaves Glue out of the client policies."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for a in var.schema_registry_arns : can(regex("^arn:aws[a-z-]*:glue:[a-z0-9-]+:[0-9]{12}:registry/.+$", a))])
    error_message = "schema_registry_arns must be Glue registry ARNs (arn:aws:glue:<region>:<account>:registry/<name>)."
  }
}

variable "create_replicator_security_group" {
  description = "Create a security group for an MSK Replicator's network interfaces in this VPC and let it reach the brokers: on both sides of a replication."
  type        = bool
  default     = false
  nullable    = false
}

variable "replication" {
  description = "Replicate a source cluster (in another region) into this one with an MSK Replicator created here, keeping topic names. Null: no replicator."
  type = object({
    source_cluster_arn           = string
    source_subnet_ids            = list(string)
    source_security_group_ids    = list(string)
    topics_to_replicate          = optional(list(string), [".*"])
    consumer_groups_to_replicate = optional(list(string), [".*"])
  })
  default = null

  validation {
    condition     = var.replication == null || can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/", var.replication.source_cluster_arn))
    error_message = "replication.source_cluster_arn must be an MSK cluster ARN."
  }
}

variable "tags" {
  description = "Tags of this module's resources, besides the provider's default tags."
  type        = map(string)
  default     = {}
  nullable    = false
}
