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
  secrets_kms_key_arn       = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/33333333-3333-3333-3333-333333333333"
  production                = true
  settings = {
    instance_class        = "db.r7g.xlarge"
    allocated_storage     = 200
    max_allocated_storage = 1000
    multi_az              = true
    replica_count         = 2
    backup_retention_days = 35
    deletion_protection   = true
  }
}

run "prod_baseline_passes" {
  command = plan
}

run "name_invalid" {
  command = plan

  variables {
    name = "Ecom_Prod"
  }

  expect_failures = [var.name]
}

run "mode_unknown" {
  command = plan

  variables {
    mode = "secondary"
  }

  expect_failures = [var.mode]
}

run "source_arn_not_rds" {
  command = plan

  variables {
    mode                   = "cross_region_replica"
    source_db_instance_arn = "arn:aws:kms:us-east-1:111111111111:key/abc"
  }

  expect_failures = [var.source_db_instance_arn]
}

run "one_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a", "subnet-0a"]
  }

  expect_failures = [var.subnet_ids]
}

run "no_clients" {
  command = plan

  variables {
    client_security_group_ids = []
  }

  expect_failures = [var.client_security_group_ids]
}

run "kms_not_a_key" {
  command = plan

  variables {
    kms_key_arn = "alias/aws/rds"
  }

  expect_failures = [var.kms_key_arn]
}

run "secrets_kms_not_a_key" {
  command = plan

  variables {
    secrets_kms_key_arn = "not-a-key"
  }

  expect_failures = [var.secrets_kms_key_arn]
}

run "logs_kms_not_a_key" {
  command = plan

  variables {
    logs_kms_key_arn = "not-a-key"
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "unsupported_engine_version" {
  command = plan

  variables {
    settings = { engine_version = "13.12", instance_class = "db.r7g.xlarge", multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "instance_class_invalid" {
  command = plan

  variables {
    settings = { instance_class = "r7g.xlarge", multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "autoscaling_limit_below_storage" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", allocated_storage = 200, max_allocated_storage = 100, multi_az = true, replica_count = 2, deletion_protection = true, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "retention_zero_disables_pitr" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", backup_retention_days = 0, multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200 }
  }

  expect_failures = [var.settings]
}

run "too_many_replicas" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", replica_count = 6, multi_az = true, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "monitoring_interval_invalid" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", monitoring_interval = 45, multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "performance_insights_retention_invalid" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", performance_insights_retention_days = 30, multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "max_connections_too_low" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", max_connections = 5, multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [var.settings]
}

run "prod_two_azs" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_single_az" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", multi_az = false, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_without_deletion_protection" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", multi_az = true, replica_count = 2, deletion_protection = false, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_burstable_class" {
  command = plan

  variables {
    settings = { instance_class = "db.t4g.medium", multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_short_retention" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 200, backup_retention_days = 7 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_small_storage" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", multi_az = true, replica_count = 2, deletion_protection = true, allocated_storage = 50, backup_retention_days = 35 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "prod_no_replicas" {
  command = plan

  variables {
    settings = { instance_class = "db.r7g.xlarge", multi_az = true, replica_count = 0, deletion_protection = true, allocated_storage = 200, backup_retention_days = 35 }
  }

  expect_failures = [aws_db_subnet_group.this]
}

run "cross_region_without_source" {
  command = plan

  variables {
    mode = "cross_region_replica"
  }

  expect_failures = [aws_db_subnet_group.this]
}
