# Every validation and every production minimum fails on a bad value.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-prod-us-east-1"
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0a", "subnet-0b", "subnet-0c"]
  client_security_group_ids = ["sg-0aaaaaaaaaaaaaaaa"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/11111111-1111-1111-1111-111111111111"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
  production                = true
  global_datastore          = "primary"
  settings                  = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
}

run "prod_baseline_passes" {
  command = plan
}

run "name_too_long" {
  command = plan

  variables {
    name = "ecom-production-us-east-1-and-more-text"
  }

  expect_failures = [var.name]
}

run "one_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a"]
  }

  expect_failures = [var.subnet_ids]
}

run "no_clients" {
  command = plan

  variables {
    client_security_group_ids = ["default"]
  }

  expect_failures = [var.client_security_group_ids]
}

run "kms_not_a_key" {
  command = plan

  variables {
    kms_key_arn = "alias/aws/elasticache"
  }

  expect_failures = [var.kms_key_arn]
}

run "logs_kms_not_a_key" {
  command = plan

  variables {
    logs_kms_key_arn = "alias/logs"
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "log_retention_not_a_cloudwatch_value" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14, log_retention_days = 10 }
  }

  expect_failures = [var.settings]
}

run "global_role_unknown" {
  command = plan

  variables {
    global_datastore = "replica"
  }

  expect_failures = [var.global_datastore]
}

run "unsupported_engine_version" {
  command = plan

  variables {
    settings = { engine_version = "6.2", node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  expect_failures = [var.settings]
}

run "node_type_invalid" {
  command = plan

  variables {
    settings = { node_type = "r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  expect_failures = [var.settings]
}

run "zero_shards" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 0, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  expect_failures = [var.settings]
}

run "no_replicas" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 0, snapshot_retention_days = 14 }
  }

  expect_failures = [var.settings]
}

run "snapshots_off" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 0 }
  }

  expect_failures = [var.settings]
}

run "prod_two_azs" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "prod_one_shard" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 1, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "prod_one_replica" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 1, snapshot_retention_days = 14 }
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "prod_burstable_nodes" {
  command = plan

  variables {
    settings = { node_type = "cache.t4g.small", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 14 }
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "prod_short_snapshot_retention" {
  command = plan

  variables {
    settings = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2, snapshot_retention_days = 3 }
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "secondary_without_global_id" {
  command = plan

  variables {
    global_datastore = "secondary"
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}

run "secondary_with_empty_global_id" {
  command = plan

  variables {
    global_datastore            = "secondary"
    global_replication_group_id = ""
  }

  expect_failures = [aws_elasticache_subnet_group.this]
}
