variable "name" {
  description = "Name of the Glue schema registry (e.g. ecom-prod-us-east-1-events)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_$#.-]{1,255}$", var.name))
    error_message = "name must be 1-255 letters, digits and _ $ # . -"
  }
}

variable "description" {
  description = "Description of the registry."
  type        = string
  default     = "Event schemas"
  nullable    = false
}

variable "compatibility" {
  description = "Compatibility mode of every schema: Glue rejects a new version that breaks it."
  type        = string
  default     = "BACKWARD"
  nullable    = false

  validation {
    condition     = contains(["NONE", "DISABLED", "BACKWARD", "BACKWARD_ALL", "FORWARD", "FORWARD_ALL", "FULL", "FULL_ALL"], var.compatibility)
    error_message = "compatibility must be one of NONE, DISABLED, BACKWARD, BACKWARD_ALL, FORWARD, FORWARD_ALL, FULL, FULL_ALL."
  }
}

variable "data_format" {
  description = "Format of the schemas: AVRO, JSON or PROTOBUF."
  type        = string
  default     = "AVRO"
  nullable    = false

  validation {
    condition     = contains(["AVRO", "JSON", "PROTOBUF"], var.data_format)
    error_message = "data_format must be AVRO, JSON or PROTOBUF."
  }
}

variable "schemas" {
  description = "Schemas by name: the definition (the schema text) and an optional description."
  type = map(object({
    definition  = string
    description = optional(string)
  }))
  nullable = false

  validation {
    condition     = alltrue([for n, s in var.schemas : can(regex("^[A-Za-z0-9_$#.-]{1,255}$", n)) && length(s.definition) <= 170000])
    error_message = "schema names must be 1-255 letters, digits and _ $ # . -, definitions at most 170000 characters."
  }

  validation {
    condition     = var.data_format != "AVRO" && var.data_format != "JSON" || alltrue([for s in values(var.schemas) : can(jsondecode(s.definition))])
    error_message = "AVRO and JSON schema definitions must be JSON documents."
  }
}

variable "tags" {
  description = "Tags of the registry and schemas, besides the provider's default tags."
  type        = map(string)
  default     = {}
  nullable    = false
}
