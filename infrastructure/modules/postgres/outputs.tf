output "primary_instance_arn" {
  description = "ARN of the primary DB instance (mode = primary); the secondary region's cross-region replica reads it. Null in other modes."
  value       = try(aws_db_instance.primary[0].arn, null)
}

output "instance_identifier" {
  description = "Identifier of this region's DB instance (the primary or the cross-region replica); null in standby mode."
  value       = local.has_instance ? local.identifier : null
}

output "endpoint" {
  description = "host:port of this region's DB instance (the writer in the primary region, the cross-region replica elsewhere); null in standby mode."
  value       = try(aws_db_instance.primary[0].endpoint, aws_db_instance.cross_region_replica[0].endpoint, null)
}

output "address" {
  description = "Hostname of this region's DB instance; null in standby mode."
  value       = try(aws_db_instance.primary[0].address, aws_db_instance.cross_region_replica[0].address, null)
}

output "port" {
  description = "PostgreSQL port (the instances and the proxy)."
  value       = local.port
}

output "replica_endpoints" {
  description = "host:port of the same-region read replicas, by replica key."
  value       = { for k, r in aws_db_instance.replica : k => r.endpoint }
}

output "replica_arns" {
  description = "ARNs of the same-region read replicas, by replica key."
  value       = { for k, r in aws_db_instance.replica : k => r.arn }
}

output "cross_region_replica_arn" {
  description = "ARN of the cross-region read replica (mode = cross_region_replica); null otherwise."
  value       = try(aws_db_instance.cross_region_replica[0].arn, null)
}

output "proxy_endpoint" {
  description = "Endpoint of the RDS Proxy (connection pooling, TLS, IAM auth); null without a proxy."
  value       = try(aws_db_proxy.this[0].endpoint, null)
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master password (the ARN, never the secret)."
  value       = try(aws_db_instance.primary[0].master_user_secret[0].secret_arn, null)
}

output "security_group_id" {
  description = "Security group of the DB instances."
  value       = aws_security_group.this.id
}

output "proxy_security_group_id" {
  description = "Security group of the RDS Proxy; null without a proxy."
  value       = try(aws_security_group.proxy[0].id, null)
}

output "subnet_group_name" {
  description = "DB subnet group (also the target of a snapshot restore in standby mode)."
  value       = aws_db_subnet_group.this.name
}

output "parameter_group_name" {
  description = "DB parameter group."
  value       = aws_db_parameter_group.this.name
}

output "parameters" {
  description = "The parameter group's values (name => value), from parameters/postgres.json and settings.max_connections."
  value       = { for name, p in local.parameters : name => p.value }
}
