variable "name" {
  description = "Domain name: 3-28 characters, lowercase letters, digits and '-', starting with a letter (e.g. ecom-prod-use1). Also the prefix of the security group, log groups and admin role."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,27}$", var.name))
    error_message = "name must be 3-28 characters: lowercase letters, digits and '-', starting with a letter (an OpenSearch domain name)."
  }
}

variable "engine_version" {
  description = "OpenSearch engine version, as the API names it (OpenSearch_<major>.<minor>)."
  type        = string
  default     = "OpenSearch_2.19"
  nullable    = false

  validation {
    condition     = contains(["OpenSearch_2.13", "OpenSearch_2.15", "OpenSearch_2.17", "OpenSearch_2.19"], var.engine_version)
    error_message = "engine_version must be one of the versions the platform supports: OpenSearch_2.13, OpenSearch_2.15, OpenSearch_2.17, OpenSearch_2.19 (Elasticsearch and 1.x domains are not supported)."
  }
}

variable "is_production" {
  description = "Production domains must meet the minimums: 3 AZs, 3 dedicated masters, data nodes a multiple of 3, no burstable instances, volumes of at least 100 GiB (checked as preconditions)."
  type        = bool
  default     = false
  nullable    = false
}

variable "cluster" {
  description = "Sizing: data nodes (type, count, spread over az_count AZs with zone awareness when more than one), dedicated masters (count 0 = none, else 3 or 5) and the gp3 volume of each data node."
  type = object({
    instance_type         = string
    instance_count        = number
    az_count              = number
    master_instance_type  = optional(string)
    master_count          = optional(number, 0)
    volume_size_gib       = number
    volume_iops           = optional(number, 3000)
    volume_throughput_mib = optional(number, 125)
  })
  nullable = false

  validation {
    condition     = contains([1, 2, 3], var.cluster.az_count)
    error_message = "cluster.az_count must be 1, 2 or 3."
  }

  validation {
    condition     = var.cluster.instance_count >= 1 && floor(var.cluster.instance_count) == var.cluster.instance_count && var.cluster.instance_count % var.cluster.az_count == 0
    error_message = "cluster.instance_count must be a whole number of at least 1 and a multiple of cluster.az_count (zone awareness places the same number of nodes in every AZ)."
  }

  validation {
    condition     = contains([0, 3, 5], var.cluster.master_count) && (var.cluster.master_count == 0 || var.cluster.master_instance_type != null)
    error_message = "cluster.master_count must be 0 (no dedicated masters), 3 or 5, and dedicated masters need cluster.master_instance_type."
  }

  validation {
    condition     = can(regex("\\.search$", var.cluster.instance_type)) && (var.cluster.master_instance_type == null || can(regex("\\.search$", coalesce(var.cluster.master_instance_type, "x"))))
    error_message = "Instance types must be OpenSearch instance types (<family>.<size>.search)."
  }

  validation {
    condition     = var.cluster.volume_size_gib >= 10 && var.cluster.volume_iops >= 3000 && var.cluster.volume_throughput_mib >= 125
    error_message = "gp3 volumes need at least 10 GiB, 3000 IOPS and 125 MiB/s."
  }
}

variable "vpc_id" {
  description = "VPC of the domain (the network stack's vpc_id)."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Data subnets, ordered by AZ (the network stack's data_subnet_ids); the domain uses the first cluster.az_count."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 1
    error_message = "subnet_ids needs at least one subnet."
  }
}

variable "client_security_group_ids" {
  description = "Security groups admitted on HTTPS (443): the workload nodes' group (the network stack's workload_security_group_id)."
  type        = list(string)
  nullable    = false
}

variable "kms_key_arn" {
  description = "KMS key for encryption at rest (the security stack's data key)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "logs_kms_key_arn" {
  description = "KMS key of the log groups (the security stack's logs key)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.logs_kms_key_arn))
    error_message = "logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "log_retention_days" {
  description = "Retention of the domain's log groups (application, slow logs, audit)."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "master_user_arn" {
  description = "IAM principal that is the fine-grained access control master user. null: the module creates an admin role that principals of the account may assume (granted by their IAM policies). No internal user database and no password."
  type        = string
  default     = null

  validation {
    condition     = var.master_user_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", coalesce(var.master_user_arn, "x")))
    error_message = "master_user_arn must be an IAM role or user ARN."
  }
}

variable "tags" {
  description = "Tags added to the module's resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
