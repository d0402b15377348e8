variable "environment" {
  description = "Environment name; its data is read from `<data_dir>/<environment>.json`."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be a short lowercase name such as dev, staging or prod."
  }

  validation {
    condition     = fileexists("${coalesce(var.data_dir, "${path.module}/../../environments")}/${var.environment}.json")
    error_message = "Unknown environment: there is no ${var.environment}.json in ${coalesce(var.data_dir, "infrastructure/environments")}. Known environments are the JSON files in that folder."
  }
}

variable "region" {
  description = "AWS region of the stack; must be one of the environment's `regions`."
  type        = string
  nullable    = false

  validation {
    condition     = contains(keys(try(jsondecode(file("${coalesce(var.data_dir, "${path.module}/../../environments")}/${var.environment}.json")).regions, {})), var.region)
    error_message = "The region is not one of this environment's regions (see `regions` in its JSON file)."
  }
}

variable "layer" {
  description = "Name of the stack's layer (bootstrap, global, security, network, ...): part of the Stack tag."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.layer))
    error_message = "layer must be a lowercase name such as network."
  }
}

variable "scope" {
  description = "`region` for a stack per environment and region, `environment` for an environment-wide stack (its Stack tag says global)."
  type        = string
  default     = "region"
  nullable    = false

  validation {
    condition     = contains(["region", "environment"], var.scope)
    error_message = "scope must be region or environment."
  }
}

variable "data_dir" {
  description = "Folder holding the environment JSON files. Defaults to the repository's infrastructure/environments."
  type        = string
  default     = null
}
