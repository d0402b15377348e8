variable "name_prefix" {
  description = "Prefix of every name (<project>-<env>), e.g. ecom-prod: the budget, topic, key alias, monitor and subscription."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name_prefix))
    error_message = "name_prefix must be 2 to 41 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "budget" {
  description = <<-EOT
    The environment's monthly cost budget (the account's whole spend: one account per
    environment). Notifications go to the alert topic when the FORECAST for the month passes
    each threshold (percent of the limit); `actual_thresholds` add notifications on actual spend.
  EOT
  type = object({
    monthly_limit_usd     = number
    forecast_thresholds   = optional(list(number), [80, 100])
    actual_thresholds     = optional(list(number), [100])
    anomaly_threshold_usd = optional(number, 100)
  })
  nullable = false

  validation {
    condition     = var.budget.monthly_limit_usd > 0
    error_message = "budget.monthly_limit_usd must be a positive amount of USD."
  }

  validation {
    condition = alltrue([
      for t in concat(var.budget.forecast_thresholds, var.budget.actual_thresholds) : t > 0 && t <= 1000
    ]) && length(var.budget.forecast_thresholds) > 0
    error_message = "budget thresholds are percentages of the limit (0 < t <= 1000), with at least one forecast threshold."
  }

  validation {
    condition     = var.budget.anomaly_threshold_usd >= 1
    error_message = "budget.anomaly_threshold_usd must be at least 1 USD."
  }
}

variable "alert_emails" {
  description = "Addresses subscribed (email) to the alert topic; each must confirm once."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be email addresses."
  }
}

variable "cost_allocation_tags" {
  description = "Tag keys activated as cost allocation tags (the common tags: Cost Explorer and budgets can then group by them)."
  type        = list(string)
  default     = ["Environment", "Region", "Stack", "Owner", "CostCenter", "Project"]
  nullable    = false
}

variable "key_deletion_window_in_days" {
  description = "Deletion window of the topic's KMS key (7 to 30; production uses 30)."
  type        = number
  default     = 30
  nullable    = false
}

variable "tags" {
  description = "Tags added to the resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
