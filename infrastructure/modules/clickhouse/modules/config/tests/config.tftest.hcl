# The generated layout and XML, for the shapes the environments use. No
# provider: the module is pure configuration.

variables {
  cluster_name = "ecom"
  backup       = { endpoint = "https://ecom-prod-backups.s3.us-east-1.amazonaws.com/clickhouse/" }
}

run "prod_shape_3_shards_2_replicas_3_keepers" {
  command = plan

  variables {
    shards   = 3
    replicas = 2
    keepers  = 3
  }

  assert {
    condition     = sort(keys(output.servers)) == tolist(["s1-r1", "s1-r2", "s2-r1", "s2-r2", "s3-r1", "s3-r2"])
    error_message = "3 shards x 2 replicas are six servers named s<shard>-r<replica>"
  }

  assert {
    condition     = alltrue([for s in range(1, 4) : length(distinct([for n in output.servers : n.az_index if n.shard == s])) == 2])
    error_message = "the replicas of every shard must be in different AZs"
  }

  assert {
    condition     = [for k in ["k1", "k2", "k3"] : output.keepers[k].az_index] == [0, 1, 2] && [for k in ["k1", "k2", "k3"] : output.keepers[k].server_id] == [1, 2, 3]
    error_message = "three keepers, ids 1-3, one per AZ"
  }

  assert {
    condition     = length(regexall("<shard>", output.server_xml["s2-r1"])) == 4 && length(regexall("<replica>", output.server_xml["s2-r1"])) == 7
    error_message = "remote_servers lists 3 shards with 2 replicas each (plus the macro's <shard> and <replica>)"
  }

  assert {
    condition     = strcontains(output.server_xml["s2-r1"], "<shard>02</shard>") && strcontains(output.server_xml["s2-r1"], "<replica>s2-r1</replica>")
    error_message = "the macros of s2-r1 are shard 02, replica s2-r1"
  }

  assert {
    condition     = length(regexall("<node>", output.server_xml["s1-r1"])) == 3 && length(regexall("<port>9181</port>", output.server_xml["s1-r1"])) == 3
    error_message = "every server knows the three keepers on 9181"
  }

  assert {
    condition     = length(regexall("<server>", output.keeper_xml["k2"])) == 3 && strcontains(output.keeper_xml["k2"], "<server_id>2</server_id>")
    error_message = "keeper k2 is server 2 of a 3-node Raft ensemble"
  }
}

run "dev_shape_single_node" {
  command = plan

  variables {
    shards   = 1
    replicas = 1
    keepers  = 1
    hosts    = { "s1-r1" = "10.10.200.10", "k1" = "10.10.200.11" }
  }

  assert {
    condition     = keys(output.servers) == ["s1-r1"] && keys(output.keepers) == ["k1"]
    error_message = "dev is one server and one keeper"
  }

  assert {
    condition     = strcontains(output.server_xml["s1-r1"], "<host>10.10.200.10</host>") && strcontains(output.server_xml["s1-r1"], "<host>10.10.200.11</host>")
    error_message = "the XML uses the given host addresses"
  }
}

run "replicas_above_az_count" {
  command = plan

  variables {
    shards   = 2
    replicas = 4
    keepers  = 3
  }

  expect_failures = [var.replicas]
}

run "even_keeper_ensemble" {
  command = plan

  variables {
    shards   = 2
    replicas = 2
    keepers  = 2
  }

  expect_failures = [var.keepers]
}

run "zero_shards" {
  command = plan

  variables {
    shards   = 0
    replicas = 1
    keepers  = 1
  }

  expect_failures = [var.shards]
}

run "bad_cluster_name" {
  command = plan

  variables {
    cluster_name = "Ecom-Cluster"
    shards       = 1
    replicas     = 1
    keepers      = 1
  }

  expect_failures = [var.cluster_name]
}

run "backup_endpoint_not_s3" {
  command = plan

  variables {
    shards   = 1
    replicas = 1
    keepers  = 1
    backup   = { endpoint = "http://example.com/backups" }
  }

  expect_failures = [var.backup]
}
