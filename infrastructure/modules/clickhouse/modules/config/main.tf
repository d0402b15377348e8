# Pure configuration: no resources, no provider. The node layout (names,
# shard and replica numbers, AZ index) and the ClickHouse XML of every node
# are computed from the cluster shape alone, so the same data drives the EC2
# nodes, the tests and any other runtime.

locals {
  # s<shard>-r<replica>: replica r of shard s sits in AZ (s + r) % 3, so the
  # replicas of one shard are always in different AZs and shards rotate
  # their first replica over the AZs.
  servers = {
    for pair in setproduct(range(var.shards), range(var.replicas)) :
    "s${pair[0] + 1}-r${pair[1] + 1}" => {
      shard    = pair[0] + 1
      replica  = pair[1] + 1
      az_index = (pair[0] + pair[1]) % 3
    }
  }

  # k<id>: keeper k sits in AZ (k - 1) % 3; with 3 keepers one per AZ, so
  # losing an AZ keeps the quorum.
  keepers = {
    for k in range(var.keepers) : "k${k + 1}" => {
      server_id = k + 1
      az_index  = k % 3
    }
  }

  hosts = var.hosts == null ? {
    for name in concat(keys(local.servers), keys(local.keepers)) : name => "${name}.clickhouse.invalid"
  } : var.hosts

  # Position in remote_servers is the shard number: a list, in shard order.
  shard_replicas = [
    for s in range(1, var.shards + 1) : [
      for name, node in local.servers : { name = name, host = local.hosts[name] } if node.shard == s
    ]
  ]

  keeper_nodes = [for name, k in local.keepers : { id = k.server_id, host = local.hosts[name] }]

  server_xml = {
    for name, node in local.servers : name => templatefile("${path.module}/templates/server.xml.tftpl", {
      cluster        = var.cluster_name
      shard          = node.shard
      replica        = name
      shard_replicas = local.shard_replicas
      keepers        = local.keeper_nodes
      ports          = var.ports
      backup         = var.backup
    })
  }

  keeper_xml = {
    for name, k in local.keepers : name => templatefile("${path.module}/templates/keeper.xml.tftpl", {
      server_id = k.server_id
      keepers   = local.keeper_nodes
      ports     = var.ports
    })
  }
}
