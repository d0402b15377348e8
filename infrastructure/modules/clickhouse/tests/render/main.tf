# Test harness of test_rendered_xml.py: renders the ClickHouse configuration
# of an environment from its data, with no provider and no resources (node
# addresses are placeholders named after the nodes).
terraform {
  required_version = ">= 1.11"
}

variable "environment" {
  description = "Environment whose clickhouse section is rendered."
  type        = string
}

locals {
  settings = jsondecode(file("${path.module}/../../../../environments/${var.environment}.json")).clickhouse
}

module "config" {
  source = "../../modules/config"

  cluster_name = "ecom_${var.environment}"
  shards       = local.settings.shards
  replicas     = local.settings.replicas
  keepers      = local.settings.keepers
  backup       = { endpoint = "https://ecom-${var.environment}-clickhouse-backups.s3.us-east-1.amazonaws.com/backups/" }
}

output "settings" {
  description = "The environment's clickhouse section."
  value       = local.settings
}

output "servers" {
  description = "Server layout."
  value       = module.config.servers
}

output "keepers" {
  description = "Keeper layout."
  value       = module.config.keepers
}

output "server_xml" {
  description = "XML per server."
  value       = module.config.server_xml
}

output "keeper_xml" {
  description = "XML per keeper."
  value       = module.config.keeper_xml
}
