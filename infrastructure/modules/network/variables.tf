variable "name" {
  description = "Name prefix of every resource, e.g. the environment module's `regional_prefix` (`ecom-dev-us-east-1`). Also names the flow-log IAM role, so it must be unique in the account."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{1,38}$", var.name))
    error_message = "name must start with a letter and hold 2-39 letters, digits or hyphens (it prefixes IAM role names, limited to 64 characters)."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC, a network address with a prefix from /16 to /24 (see README, \"Address layout\")."
  type        = string
  nullable    = false

  validation {
    condition = can(cidrnetmask(var.vpc_cidr)) && try(
      cidrhost(var.vpc_cidr, 0) == split("/", var.vpc_cidr)[0] && tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 24,
      false
    )
    error_message = "vpc_cidr must be an IPv4 network address such as 10.10.0.0/16, with a prefix length from 16 to 24."
  }
}

variable "subnet_newbits" {
  description = "Bits added to the VPC prefix for each tier's subnets. Defaults for a /16: private /18, public /22, data /22."
  type = object({
    private = optional(number, 2)
    public  = optional(number, 6)
    data    = optional(number, 6)
  })
  default  = {}
  nullable = false

  validation {
    condition = alltrue([for n in values(var.subnet_newbits) : n != null && n >= 1 && floor(n) == n]) && try(
      length(cidrsubnets(var.vpc_cidr, concat(
        [for i in range(3) : var.subnet_newbits.private],
        [for i in range(3) : var.subnet_newbits.public],
        [for i in range(3) : var.subnet_newbits.data],
      )...)) == 9 && tonumber(split("/", var.vpc_cidr)[1]) + max(values(var.subnet_newbits)...) <= 28,
      false
    )
    error_message = "subnet_newbits must be whole numbers >= 1 such that three subnets of each tier fit in vpc_cidr and no subnet is smaller than /28."
  }
}

variable "az_count" {
  description = "Number of availability zones (2 or 3). The layout reserves address space for 3; production environments use 3."
  type        = number
  default     = 3
  nullable    = false

  validation {
    condition     = contains([2, 3], var.az_count)
    error_message = "az_count must be 2 or 3 (EKS and RDS subnet groups need two AZs; the address layout holds three)."
  }
}

variable "azs" {
  description = "Availability zone names to use, in order. null (default) takes the first `az_count` available zones that need no opt-in."
  type        = list(string)
  default     = null

  validation {
    condition     = var.azs == null || try(length(var.azs) == var.az_count && length(distinct(var.azs)) == length(var.azs), false)
    error_message = "azs must hold exactly az_count distinct zone names."
  }
}

variable "nat_gateways" {
  description = "NAT gateways: \"per_az\" (one per AZ, each private route table uses its own AZ's), \"single\" (one, shared by all AZs) or \"none\" (private subnets have no internet egress)."
  type        = string
  default     = "per_az"
  nullable    = false

  validation {
    condition     = contains(["per_az", "single", "none"], var.nat_gateways)
    error_message = "nat_gateways must be per_az, single or none."
  }
}

variable "interface_endpoints" {
  description = "AWS services reached through interface endpoints in the private subnets, by their short name (sts, logs, ecr.api, ecr.dkr, ...). S3 and DynamoDB always get gateway endpoints."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for s in var.interface_endpoints : can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", s))])
    error_message = "interface_endpoints must be service short names such as sts, logs or ecr.api."
  }
}

variable "flow_logs_kms_key_arn" {
  description = "ARN of the KMS key encrypting the flow-log group (the security stack's `logs_kms_key_arn`). Its key policy must let CloudWatch Logs of this region use it."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.flow_logs_kms_key_arn))
    error_message = "flow_logs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), not an alias or a key id."
  }
}

variable "flow_log_retention_days" {
  description = "Days the flow-log group keeps its events (a value CloudWatch Logs accepts)."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of CloudWatch Logs' retention values (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "subnet_tags" {
  description = "Extra tags per tier (e.g. a Karpenter discovery tag on private subnets)."
  type = object({
    public  = optional(map(string), {})
    private = optional(map(string), {})
    data    = optional(map(string), {})
  })
  default  = {}
  nullable = false
}

variable "tags" {
  description = "Tags added to the module's resources (the common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "data_ports" {
  description = "Data stores' client ports, by store. The workload security group may reach the data subnets on these ports only."
  type        = map(number)
  default = {
    postgres   = 5432
    redis      = 6379
    opensearch = 443
    clickhouse = 9440
    kafka      = 9098
  }
  nullable = false

  validation {
    condition     = alltrue([for p in values(var.data_ports) : p >= 1 && p <= 65535 && floor(p) == p])
    error_message = "data_ports must map each store to a TCP port from 1 to 65535."
  }
}
