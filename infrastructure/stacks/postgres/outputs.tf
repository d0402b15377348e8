# What applications (and the other region's postgres stack) take from here.

output "primary_instance_arn" {
  description = "ARN of the primary DB instance (primary region); null in the other region. The other region's cross-region replica reads it."
  value       = module.postgres.primary_instance_arn
}

output "endpoint" {
  description = "host:port of this region's instance: the writer (primary region) or the cross-region replica; null when the region holds none."
  value       = module.postgres.endpoint
}

output "address" {
  description = "Hostname of this region's instance; null when the region holds none."
  value       = module.postgres.address
}

output "port" {
  description = "PostgreSQL port."
  value       = module.postgres.port
}

output "proxy_endpoint" {
  description = "RDS Proxy endpoint (pooling, TLS, IAM auth) in front of the writer; null outside the primary region."
  value       = module.postgres.proxy_endpoint
}

output "replica_endpoints" {
  description = "host:port of the same-region read replicas, by key."
  value       = module.postgres.replica_endpoints
}

output "cross_region_replica_arn" {
  description = "ARN of the cross-region read replica (secondary region of prod); null otherwise."
  value       = module.postgres.cross_region_replica_arn
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed master password secret (never the secret itself)."
  value       = module.postgres.master_user_secret_arn
}

output "security_group_id" {
  description = "Security group of the DB instances."
  value       = module.postgres.security_group_id
}

output "proxy_security_group_id" {
  description = "Security group of the RDS Proxy; null without a proxy."
  value       = module.postgres.proxy_security_group_id
}

output "subnet_group_name" {
  description = "DB subnet group (the target of a snapshot restore in this region)."
  value       = module.postgres.subnet_group_name
}

output "mode" {
  description = "What this region holds: primary, cross_region_replica or standby."
  value       = local.mode
}
