variable "environment" {
  description = "Environment name (infrastructure/environments/<environment>.json)."
  type        = string
  nullable    = false
}

variable "region" {
  description = "Region of this security stack."
  type        = string
  nullable    = false
}
