# What applications (and the other region's redis stack) take from here.

output "replication_group_id" {
  description = "Id of the replication group."
  value       = module.redis.replication_group_id
}

output "configuration_endpoint" {
  description = "Cluster-mode configuration endpoint (TLS)."
  value       = module.redis.configuration_endpoint
}

output "port" {
  description = "Redis port."
  value       = module.redis.port
}

output "global_datastore_id" {
  description = "Global Datastore id (primary region of an environment with redis.global_datastore); the other region joins it. An empty string otherwise: Terraform drops null outputs from `terraform output`, and the other region's stack reads this one in every environment."
  value       = module.redis.global_datastore_id == null ? "" : module.redis.global_datastore_id
}

output "app_user_name" {
  description = "RBAC user the application authenticates as, with IAM."
  value       = module.redis.app_user_name
}

output "security_group_id" {
  description = "Security group of the cache nodes."
  value       = module.redis.security_group_id
}
