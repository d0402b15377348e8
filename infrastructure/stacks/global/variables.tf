variable "environment" {
  description = "Environment name (infrastructure/environments/<environment>.json)."
  type        = string
  nullable    = false
}

variable "region" {
  description = "Region the stack runs in: the environment's primary region."
  type        = string
  nullable    = false
}
