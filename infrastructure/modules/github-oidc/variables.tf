variable "name_prefix" {
  description = "Prefix of the environment's IAM names (<project>-<environment>): roles <name_prefix>-github-plan / -github-apply, the boundary policy, and the only roles and policies the apply role may manage (<name_prefix>-*)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9+=,.@_-]{1,40}$", var.name_prefix))
    error_message = "name_prefix must be a short IAM-safe name (letters, digits, +=,.@_-), at most 41 characters."
  }
}

variable "repository" {
  description = "GitHub repository <owner>/<name> whose workflows may assume the roles."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be <owner>/<name>, without wildcards."
  }
}

variable "deploy_environment" {
  description = "GitHub deployment environment whose jobs may assume the apply role (for prod: the protected environment)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.deploy_environment))
    error_message = "deploy_environment must be a GitHub environment name without wildcards."
  }
}

variable "create_provider" {
  description = "Create the account's GitHub OIDC provider (one per account). False: pass provider_arn."
  type        = bool
  default     = true
  nullable    = false
}

variable "provider_arn" {
  description = "ARN of the existing GitHub OIDC provider, used when create_provider is false."
  type        = string
  default     = null

  validation {
    condition     = var.create_provider || var.provider_arn != null
    error_message = "provider_arn is required when create_provider is false."
  }
}

variable "thumbprints" {
  description = "Thumbprints of the OIDC provider's certificate chain (AWS no longer checks them for GitHub, but the API wants at least one)."
  type        = list(string)
  default     = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
  nullable    = false

  validation {
    condition     = length(var.thumbprints) >= 1 && length(var.thumbprints) <= 5 && alltrue([for t in var.thumbprints : can(regex("^[0-9a-fA-F]{40}$", t))])
    error_message = "thumbprints must be 1 to 5 SHA-1 fingerprints (40 hex digits)."
  }
}

variable "regions" {
  description = "Regions the environment runs in; the apply role may act only there (aws:RequestedRegion)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.regions) > 0
    error_message = "regions must name at least one region."
  }
}

variable "state" {
  description = "Terraform state the plan role reads: the state bucket of each region and the alias of their KMS key. `kms_key_arns` (optional) pins the keys by ARN instead of by alias."
  type = object({
    buckets      = map(string)
    kms_alias    = string
    kms_key_arns = optional(list(string), [])
  })
  nullable = false
}

variable "plan_managed_policy_arns" {
  description = "Managed policies of the plan role for describing resources (read-only). Null: AWS-managed ReadOnlyAccess."
  type        = list(string)
  default     = null
}

variable "apply_services" {
  description = "IAM service prefixes the apply role may use (each as <service>:*, only in `regions`). IAM is handled apart (limited to <name_prefix>-* roles and policies)."
  type        = list(string)
  default = [
    "access-analyzer", "acm", "autoscaling", "backup", "cloudtrail", "cloudwatch", "config", "dynamodb", "ec2",
    "ecr", "eks", "elasticache", "elasticloadbalancing", "es", "events", "guardduty", "kafka", "kms", "logs",
    "rds", "route53", "s3", "secretsmanager", "sns", "sqs", "ssm", "wafv2",
  ]
  nullable = false

  validation {
    condition     = alltrue([for s in var.apply_services : can(regex("^[a-z0-9-]+$", s)) && !contains(["iam", "sts", "organizations", "account"], s)])
    error_message = "apply_services are service prefixes such as ec2; iam, sts, organizations and account are not allowed (IAM has its own scoped statements)."
  }
}

variable "max_session_duration" {
  description = "Maximum session of both roles, in seconds (1 hour to 12 hours)."
  type        = number
  default     = 3600
  nullable    = false

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200
    error_message = "max_session_duration must be from 3600 to 43200 seconds."
  }
}

variable "tags" {
  description = "Tags added to the resources (common tags come from the provider's default_tags)."
  type        = map(string)
  default     = {}
  nullable    = false
}
