# What applications take from here.

output "cluster_name" {
  description = "Cluster name for ON CLUSTER and Distributed tables."
  value       = module.clickhouse.cluster_name
}

output "endpoints" {
  description = "Server addresses clients connect to (native protocol over TLS)."
  value       = module.clickhouse.endpoints
}

output "port" {
  description = "Native TLS port (the only one clients reach)."
  value       = module.clickhouse.port
}

output "servers" {
  description = "Servers by name (s<shard>-r<replica>): shard, replica, AZ, address, instance id."
  value       = module.clickhouse.servers
}

output "keepers" {
  description = "Keeper nodes by name: Raft id, AZ, address."
  value       = module.clickhouse.keepers
}

output "security_group_ids" {
  description = "Security groups of the servers and the keepers."
  value       = module.clickhouse.security_group_ids
}

output "backup_bucket_name" {
  description = "Backup bucket (backups/ written by the nodes; artifacts/clickhouse/<version>/ holds the release packages the nodes install)."
  value       = module.clickhouse.backup_bucket.name
}

output "node_role_arn" {
  description = "IAM role of the nodes."
  value       = module.clickhouse.node_role_arn
}
