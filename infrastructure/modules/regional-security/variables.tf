variable "name_prefix" {
  description = "Prefix of the names: recorder and delivery channel <name_prefix>, analyzer <name_prefix>-account."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,200}$", var.name_prefix))
    error_message = "name_prefix must be letters, digits, '-' and '_'."
  }
}

variable "guardduty" {
  description = <<-EOT
    GuardDuty detector of this region. `features` maps a detector feature name to ENABLED or DISABLED
    (S3 data events, EKS audit logs, EBS malware protection by default); a feature left out keeps
    GuardDuty's default.
  EOT
  type = object({
    enabled                      = optional(bool, true)
    finding_publishing_frequency = optional(string, "FIFTEEN_MINUTES")
    features = optional(map(string), {
      S3_DATA_EVENTS         = "ENABLED"
      EKS_AUDIT_LOGS         = "ENABLED"
      EBS_MALWARE_PROTECTION = "ENABLED"
    })
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"], var.guardduty.finding_publishing_frequency)
    error_message = "guardduty.finding_publishing_frequency must be FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS."
  }

  validation {
    condition     = alltrue([for status in values(var.guardduty.features) : contains(["ENABLED", "DISABLED"], status)])
    error_message = "guardduty.features values must be ENABLED or DISABLED."
  }
}

variable "config" {
  description = <<-EOT
    AWS Config recorder of this region: records every supported resource type (global ones such as
    IAM only where `include_global_resource_types`, i.e. in the primary region) with the given role,
    and delivers to `s3_bucket_name` under `<s3_key_prefix>/<region>`.
  EOT
  type = object({
    enabled                       = optional(bool, true)
    role_arn                      = optional(string)
    s3_bucket_name                = optional(string)
    s3_key_prefix                 = optional(string, "config")
    include_global_resource_types = optional(bool, false)
    delivery_frequency            = optional(string, "TwentyFour_Hours")
  })
  default  = {}
  nullable = false

  validation {
    condition     = !var.config.enabled || (var.config.role_arn != null && var.config.s3_bucket_name != null)
    error_message = "config.role_arn and config.s3_bucket_name are required when config.enabled."
  }

  validation {
    condition     = contains(["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"], var.config.delivery_frequency)
    error_message = "config.delivery_frequency must be One_Hour, Three_Hours, Six_Hours, Twelve_Hours or TwentyFour_Hours."
  }
}

variable "enable_access_analyzer" {
  description = "Create an IAM Access Analyzer of type ACCOUNT in this region."
  type        = bool
  default     = true
  nullable    = false
}

variable "tags" {
  description = "Tags added to the resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
