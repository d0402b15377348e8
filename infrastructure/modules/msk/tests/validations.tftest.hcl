# Every validation rule of the module fails on a bad value.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name          = "ecom-dev-us-east-1-events"
  kafka_version = "3.6.0"
  brokers = {
    instance_type   = "kafka.t3.small"
    count           = 3
    volume_size     = 20
    max_volume_size = 100
  }
  server_properties = {
    default_replication_factor = 3
    min_insync_replicas        = 2
    log_retention_hours        = 168
  }
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-a", "subnet-b", "subnet-c"]
  client_security_group_ids = ["sg-workload"]
  at_rest_kms_key_arn       = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs = {
    kms_key_arn    = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    retention_days = 30
  }
}

run "name_with_underscore" {
  command = plan

  variables {
    name = "ecom_dev"
  }

  expect_failures = [var.name]
}

run "kafka_version_not_a_version" {
  command = plan

  variables {
    kafka_version = "latest"
  }

  expect_failures = [var.kafka_version]
}

run "instance_type_not_msk" {
  command = plan

  variables {
    brokers = { instance_type = "m7g.large", count = 3, volume_size = 20, max_volume_size = 100 }
  }

  expect_failures = [var.brokers]
}

run "autoscaling_ceiling_below_volume" {
  command = plan

  variables {
    brokers = { instance_type = "kafka.t3.small", count = 3, volume_size = 200, max_volume_size = 100 }
  }

  expect_failures = [var.brokers]
}

run "unknown_monitoring_level" {
  command = plan

  variables {
    brokers = { instance_type = "kafka.t3.small", count = 3, volume_size = 20, max_volume_size = 100, enhanced_monitoring = "PER_PARTITION" }
  }

  expect_failures = [var.brokers]
}

run "min_insync_above_replication" {
  command = plan

  variables {
    server_properties = { default_replication_factor = 2, min_insync_replicas = 3, log_retention_hours = 168 }
  }

  expect_failures = [var.server_properties]
}

run "one_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-a"]
  }

  expect_failures = [var.subnet_ids]
}

run "brokers_not_a_multiple_of_azs" {
  command = plan

  variables {
    brokers = { instance_type = "kafka.t3.small", count = 4, volume_size = 20, max_volume_size = 100 }
  }

  expect_failures = [aws_msk_cluster.this]
}

run "source_not_a_cluster_arn" {
  command = plan

  variables {
    replication = {
      source_cluster_arn        = "arn:aws:kafka:us-east-1:333333333333:replicator/x/y"
      source_subnet_ids         = ["subnet-east-a"]
      source_security_group_ids = ["sg-east"]
    }
  }

  expect_failures = [var.replication]
}

run "clients_by_cidr_only" {
  command = plan

  variables {
    client_security_group_ids = []
  }

  expect_failures = [var.client_security_group_ids]
}
