# What applications take from here.

output "domain_name" {
  description = "Name of the OpenSearch domain."
  value       = module.opensearch.domain_name
}

output "domain_arn" {
  description = "ARN of the domain: clients' IAM policies allow es:ESHttp* on <arn>/*."
  value       = module.opensearch.domain_arn
}

output "endpoint" {
  description = "HTTPS endpoint of the domain inside the VPC (host name)."
  value       = module.opensearch.endpoint
}

output "dashboard_endpoint" {
  description = "OpenSearch Dashboards endpoint inside the VPC."
  value       = module.opensearch.dashboard_endpoint
}

output "port" {
  description = "HTTPS port (the only one)."
  value       = module.opensearch.port
}

output "security_group_id" {
  description = "Security group of the domain (admits the workload nodes on 443)."
  value       = module.opensearch.security_group_id
}

output "master_user_arn" {
  description = "IAM role that is the fine-grained access control master user (maps application roles inside the domain)."
  value       = module.opensearch.master_user_arn
}

output "log_group_names" {
  description = "Log groups of the domain by kind."
  value       = module.opensearch.log_group_names
}
