# A registry with one Avro schema, BACKWARD compatible. (The events stack reads
# its schemas from events/schemas/*.avsc; an example is applied from a copy of
# its directory, so it carries its schema inline.)
terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "region" {
  description = "Region to create the registry in."
  type        = string
  default     = "us-east-1"
}

provider "aws" {
  region = var.region
}

module "schema_registry" {
  source = "../.."

  name          = "example-events"
  compatibility = "BACKWARD"

  schemas = {
    orders-value = {
      definition = jsonencode({
        type      = "record"
        name      = "OrderEvent"
        namespace = "com.acme.shop.events"
        fields = [
          { name = "order_id", type = "string" },
          { name = "total_minor", type = "long" },
          { name = "coupon", type = ["null", "string"], default = null },
        ]
      })
      description = "Order lifecycle events"
    }
  }

  tags = { Example = "schema-registry-basic" }
}

output "registry_arn" {
  description = "ARN of the registry."
  value       = module.schema_registry.registry_arn
}

output "schema_arns" {
  description = "ARN of each schema."
  value       = module.schema_registry.schema_arns
}
