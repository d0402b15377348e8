variable "environment" {
  description = "Environment name (dev, staging, prod): its data is infrastructure/environments/<environment>.json."
  type        = string
  nullable    = false
}

variable "region" {
  description = "AWS region of this bootstrap stack; one of the environment's regions."
  type        = string
  nullable    = false
}
