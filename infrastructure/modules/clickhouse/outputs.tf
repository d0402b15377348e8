output "cluster_name" {
  description = "Name of the cluster in remote_servers (ON CLUSTER, Distributed tables)."
  value       = local.cluster_name
}

output "servers" {
  description = "Servers by name (s<shard>-r<replica>): shard, replica, AZ, private address, instance id."
  value = {
    for name, node in local.servers : name => {
      shard       = node.shard
      replica     = node.replica
      az          = data.aws_subnet.this[node.subnet_index].availability_zone
      address     = aws_network_interface.server[name].private_ip
      instance_id = aws_instance.server[name].id
    }
  }
}

output "keepers" {
  description = "Keepers by name (k<id>): Raft server id, AZ, private address."
  value = {
    for name, node in local.keepers : name => {
      server_id = node.server_id
      az        = data.aws_subnet.this[node.subnet_index].availability_zone
      address   = aws_network_interface.keeper[name].private_ip
    }
  }
}

output "endpoints" {
  description = "Addresses clients connect to (any server; Distributed tables route the queries)."
  value       = [for name in sort(keys(local.servers)) : aws_network_interface.server[name].private_ip]
}

output "port" {
  description = "The one port clients use: the native protocol over TLS."
  value       = module.config.ports.native_secure
}

output "security_group_ids" {
  description = "Security groups of the servers and of the keepers."
  value = {
    server = aws_security_group.server.id
    keeper = aws_security_group.keeper.id
  }
}

output "backup_bucket" {
  description = "Name and ARN of the backup bucket (backups under backups/, the release packages under artifacts/clickhouse/<version>/)."
  value = {
    name = module.backup_bucket.id
    arn  = module.backup_bucket.arn
  }
}

output "node_role_arn" {
  description = "IAM role of the nodes (limited to the backup bucket and its key)."
  value       = aws_iam_role.node.arn
}

output "server_xml" {
  description = "Generated config.d XML of every server (remote_servers, macros, Keeper ensemble, backup disk), by node name."
  value       = module.config.server_xml
}

output "keeper_xml" {
  description = "Generated Keeper configuration of every keeper, by node name."
  value       = module.config.keeper_xml
}

output "user_data" {
  description = "cloud-init of every node, by node name (what the instances boot with, before gzip)."
  value       = local.user_data
}
