variable "name_prefix" {
  description = "Prefix of the key aliases and descriptions: each key is aliased alias/<name_prefix>-<class>."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9/_-]{1,200}$", var.name_prefix)) && !startswith(var.name_prefix, "aws")
    error_message = "name_prefix may hold only letters, digits, '/', '_' and '-' and must not start with 'aws' (reserved alias namespace)."
  }
}

variable "keys" {
  description = <<-EOT
    One customer-managed key per data class, keyed by class name. The classes `logs`, `data` and
    `secrets` get the service access their data needs (CloudWatch Logs with an encryption context
    of this account's log groups; RDS, ElastiCache, MSK, OpenSearch and EBS via kms:ViaService;
    Secrets Manager via kms:ViaService). Any class may add `service_principals` (e.g.
    sns.amazonaws.com) that may use the key on behalf of this account (aws:SourceAccount), and
    `via_services` (service names such as "sqs") whose calls from this account's principals may use it,
    and `principal_arns`: ARN patterns (ArnLike, `*` allowed) of this account's IAM roles that use the
    key directly, such as an EKS cluster role for envelope encryption of Kubernetes secrets (the role
    is created later, by another stack, so it is named by pattern, never by a reference).
  EOT
  type = map(object({
    description        = optional(string)
    service_principals = optional(list(string), [])
    via_services       = optional(list(string), [])
    principal_arns     = optional(list(string), [])
  }))
  default = {
    logs    = {}
    data    = {}
    secrets = {}
  }
  nullable = false

  validation {
    condition     = alltrue([for class in keys(var.keys) : can(regex("^[a-z][a-z0-9-]{0,30}$", class))])
    error_message = "Key class names must be short lowercase names (letters, digits, '-'), e.g. logs."
  }

  validation {
    condition = alltrue(flatten([for class, key in var.keys : [
      for arn in key.principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/*-]+$", arn))
    ]]))
    error_message = "principal_arns must be IAM role ARN patterns of this account (arn:aws:iam::<account>:role/<name or pattern>)."
  }
}

variable "deletion_window_in_days" {
  description = "Days a key waits in PendingDeletion before it is deleted (7 to 30; production uses 30)."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "deletion_window_in_days must be a whole number of days from 7 to 30."
  }
}

variable "tags" {
  description = "Tags added to the keys (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
