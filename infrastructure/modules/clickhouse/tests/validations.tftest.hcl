# Every validation and every production minimum fails on a bad value.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-prod-us-east-1"
  is_production             = true
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  client_security_group_ids = ["sg-0000000000000000w"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  cluster = {
    version              = "25.8"
    shards               = 2
    replicas             = 2
    keepers              = 3
    server_instance_type = "r7g.xlarge"
    keeper_instance_type = "m7g.large"
    data_volume_gib      = 500
  }
  backup = {
    bucket_name = "ecom-prod-us-east-1-clickhouse-backups-333333333333"
  }
}

run "valid_production_cluster_plans" {
  command = plan
}

run "unsupported_version" {
  command = plan

  variables {
    cluster = { version = "23.3", shards = 2, replicas = 2, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "x86_instance_type" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 3, server_instance_type = "r7i.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "volume_below_gp3_baseline" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500, data_volume_iops = 100 }
  }

  expect_failures = [var.cluster]
}

run "bad_name" {
  command = plan

  variables {
    name = "Ecom_Prod"
  }

  expect_failures = [var.name]
}

run "four_subnets" {
  command = plan

  variables {
    subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c", "subnet-0000000000000000d"]
  }

  expect_failures = [var.subnet_ids]
}

run "key_not_an_arn" {
  command = plan

  variables {
    kms_key_arn = "alias/ecom-prod-data"
  }

  expect_failures = [var.kms_key_arn]
}

run "retention_zero" {
  command = plan

  variables {
    backup = { bucket_name = "ecom-prod-us-east-1-clickhouse-backups-333333333333", retention_days = 0 }
  }

  expect_failures = [var.backup]
}

run "even_keeper_ensemble" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 2, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "four_replicas" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 4, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "more_replicas_than_subnets" {
  command = plan

  variables {
    is_production = false
    subnet_ids    = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
    cluster       = { version = "25.8", shards = 1, replicas = 3, keepers = 1, server_instance_type = "m7g.large", keeper_instance_type = "t4g.small", data_volume_gib = 50 }
  }

  expect_failures = [terraform_data.checks]
}

run "keeper_ensemble_in_two_azs" {
  command = plan

  variables {
    is_production = false
    subnet_ids    = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
    cluster       = { version = "25.8", shards = 1, replicas = 2, keepers = 3, server_instance_type = "m7g.large", keeper_instance_type = "t4g.small", data_volume_gib = 50 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_single_shard" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 1, replicas = 2, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_single_replica" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 1, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_single_keeper" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 1, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_in_two_azs" {
  command = plan

  variables {
    subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
    cluster    = { version = "25.8", shards = 2, replicas = 2, keepers = 1, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_small_volumes" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 3, server_instance_type = "r7g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 100 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_burstable_servers" {
  command = plan

  variables {
    cluster = { version = "25.8", shards = 2, replicas = 2, keepers = 3, server_instance_type = "t4g.xlarge", keeper_instance_type = "m7g.large", data_volume_gib = 500 }
  }

  expect_failures = [terraform_data.checks]
}

run "production_bucket_force_destroy" {
  command = plan

  variables {
    backup = { bucket_name = "ecom-prod-us-east-1-clickhouse-backups-333333333333", force_destroy = true }
  }

  expect_failures = [terraform_data.checks]
}
