output "servers" {
  description = "ClickHouse server nodes by name (s<shard>-r<replica>): shard, replica and the index of the AZ (subnet) it belongs in."
  value       = local.servers
}

output "keepers" {
  description = "Keeper nodes by name (k<id>): Raft server id and AZ index."
  value       = local.keepers
}

output "server_xml" {
  description = "config.d XML of every server, by node name: macros, remote_servers, the Keeper ensemble, ports, the S3 backup disk."
  value       = local.server_xml
}

output "keeper_xml" {
  description = "Keeper configuration of every keeper, by node name: its server id and the Raft ensemble."
  value       = local.keeper_xml
}

output "ports" {
  description = "The ports the XML uses."
  value       = var.ports
}
