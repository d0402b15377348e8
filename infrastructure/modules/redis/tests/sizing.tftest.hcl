# Shards, replicas, encryption, RBAC and the Global Datastore roles per environment.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-dev-us-east-1"
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0a", "subnet-0b", "subnet-0c"]
  client_security_group_ids = ["sg-0aaaaaaaaaaaaaaaa"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/11111111-1111-1111-1111-111111111111"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
}

run "dev_one_shard_one_replica" {
  command = apply

  variables {
    settings = { node_type = "cache.t4g.small", shards = 1, replicas_per_shard = 1 }
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_node_groups == 1 && aws_elasticache_replication_group.this.replicas_per_node_group == 1 && aws_elasticache_replication_group.this.node_type == "cache.t4g.small"
    error_message = "dev is 1 shard x 1 replica of cache.t4g.small"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled && aws_elasticache_replication_group.this.multi_az_enabled
    error_message = "automatic failover and Multi-AZ are always on"
  }

  assert {
    condition = toset([for c in aws_elasticache_replication_group.this.log_delivery_configuration : "${c.log_type}=${c.destination_type}:${c.destination}"]) == toset([
      "slow-log=cloudwatch-logs:/aws/elasticache/ecom-dev-us-east-1-redis/slow-log",
      "engine-log=cloudwatch-logs:/aws/elasticache/ecom-dev-us-east-1-redis/engine-log",
    ])
    error_message = "the slow log and the engine log go to their own CloudWatch log groups"
  }

  assert {
    condition     = alltrue([for g in aws_cloudwatch_log_group.this : g.kms_key_id == var.logs_kms_key_arn && g.retention_in_days == 30])
    error_message = "the log groups are encrypted with the logs key and kept 30 days"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.at_rest_encryption_enabled == "true" && aws_elasticache_replication_group.this.kms_key_id == var.kms_key_arn && aws_elasticache_replication_group.this.transit_encryption_enabled
    error_message = "encrypted at rest with the data key and in transit"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.auth_token == null && aws_elasticache_replication_group.this.user_group_ids == toset(["ecom-dev-us-east-1-redis"])
    error_message = "RBAC user group, no AUTH token"
  }

  assert {
    condition     = aws_elasticache_user.default.access_string == "off -@all" && one(aws_elasticache_user.app.authentication_mode).type == "iam" && aws_elasticache_user.app.user_id == aws_elasticache_user.app.user_name
    error_message = "the default user is off; the app user authenticates with IAM (user id = user name)"
  }

  assert {
    condition     = aws_elasticache_parameter_group.this.family == "redis7" && output.parameters["cluster-enabled"] == "yes" && aws_elasticache_replication_group.this.parameter_group_name == aws_elasticache_parameter_group.this.name
    error_message = "the cluster-mode parameter group from parameters/redis7.json is used"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.snapshot_retention_limit == 7 && length(aws_elasticache_global_replication_group.this) == 0 && output.global_datastore_id == null
    error_message = "daily snapshots kept 7 days; no Global Datastore outside production"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.clients) == 1 && aws_vpc_security_group_ingress_rule.clients["0"].referenced_security_group_id == "sg-0aaaaaaaaaaaaaaaa" && aws_vpc_security_group_ingress_rule.clients["0"].from_port == 6379 && aws_vpc_security_group_ingress_rule.self.referenced_security_group_id == aws_security_group.this.id
    error_message = "only workload nodes and the cluster's own nodes reach 6379"
  }
}

run "prod_primary_three_shards_global" {
  command = apply

  variables {
    name             = "ecom-prod-us-east-1"
    production       = true
    global_datastore = "primary"
    settings         = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_node_groups == 3 && aws_elasticache_replication_group.this.replicas_per_node_group == 2 && aws_elasticache_replication_group.this.node_type == "cache.r7g.large"
    error_message = "prod is 3 shards x 2 replicas of cache.r7g.large"
  }

  assert {
    condition     = aws_elasticache_global_replication_group.this[0].primary_replication_group_id == "ecom-prod-us-east-1-redis" && output.global_datastore_id == "ldgnf-ecom-prod-us-east-1-redis"
    error_message = "the primary region creates the Global Datastore and exposes its id"
  }
}

run "prod_secondary_joins_global" {
  command = apply

  variables {
    name                        = "ecom-prod-us-west-2"
    production                  = true
    global_datastore            = "secondary"
    global_replication_group_id = "ldgnf-ecom-prod-us-east-1-redis"
    kms_key_arn                 = "arn:aws:kms:us-west-2:333333333333:key/44444444-4444-4444-4444-444444444444"
    settings                    = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  assert {
    condition     = aws_elasticache_replication_group.this.global_replication_group_id == "ldgnf-ecom-prod-us-east-1-redis" && length(aws_elasticache_global_replication_group.this) == 0
    error_message = "the secondary region joins the primary's Global Datastore"
  }

  assert {
    condition     = aws_elasticache_replication_group.this.kms_key_id == var.kms_key_arn && aws_elasticache_replication_group.this.replicas_per_node_group == 2
    error_message = "the member is encrypted with its own region's key and keeps two replicas per shard"
  }
}
