output "replication_group_id" {
  description = "Id of the replication group."
  value       = aws_elasticache_replication_group.this.replication_group_id
}

output "configuration_endpoint" {
  description = "Cluster-mode configuration endpoint (host) the clients connect to, over TLS."
  value       = aws_elasticache_replication_group.this.configuration_endpoint_address
}

output "port" {
  description = "Redis port."
  value       = local.port
}

output "global_datastore_id" {
  description = "Id of the Global Datastore this region created (global_datastore = primary), which the other region joins; null otherwise."
  value       = try(aws_elasticache_global_replication_group.this[0].global_replication_group_id, null)
}

output "app_user_name" {
  description = "RBAC user the application authenticates as (IAM authentication; no password)."
  value       = aws_elasticache_user.app.user_name
}

output "user_group_id" {
  description = "RBAC user group of the replication group."
  value       = aws_elasticache_user_group.this.user_group_id
}

output "security_group_id" {
  description = "Security group of the cache nodes."
  value       = aws_security_group.this.id
}

output "parameter_group_name" {
  description = "Cache parameter group."
  value       = aws_elasticache_parameter_group.this.name
}

output "parameters" {
  description = "The parameter group's values (name => value), from parameters/redis7.json."
  value       = { for name, p in local.parameters.parameters : name => p.value }
}

output "log_groups" {
  description = "The slow-log and engine-log groups by log type: name, ARN and retention."
  value       = { for type, g in aws_cloudwatch_log_group.this : type => { name = g.name, arn = g.arn, retention_in_days = g.retention_in_days } }
}
