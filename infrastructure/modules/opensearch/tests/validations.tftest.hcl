# Every validation and every production minimum fails on a bad value.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-prod-use1"
  is_production             = true
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  client_security_group_ids = ["sg-0000000000000000w"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  cluster = {
    instance_type        = "r7g.xlarge.search"
    instance_count       = 6
    az_count             = 3
    master_instance_type = "m7g.large.search"
    master_count         = 3
    volume_size_gib      = 500
  }
}

run "valid_production_domain_plans" {
  command = plan
}

run "name_too_long" {
  command = plan

  variables {
    name = "ecom-production-us-east-1-search"
  }

  expect_failures = [var.name]
}

run "unsupported_engine_version" {
  command = plan

  variables {
    engine_version = "Elasticsearch_7.10"
  }

  expect_failures = [var.engine_version]
}

run "old_opensearch_version" {
  command = plan

  variables {
    engine_version = "OpenSearch_1.3"
  }

  expect_failures = [var.engine_version]
}

run "four_azs" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 4, az_count = 4, volume_size_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "nodes_not_a_multiple_of_azs" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 4, az_count = 3, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "two_masters" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 6, az_count = 3, master_instance_type = "m7g.large.search", master_count = 2, volume_size_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "masters_without_type" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 6, az_count = 3, master_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "not_a_search_instance_type" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge", instance_count = 6, az_count = 3, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [var.cluster]
}

run "gp3_below_baseline" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 6, az_count = 3, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 500, volume_iops = 1000 }
  }

  expect_failures = [var.cluster]
}

run "no_subnets" {
  command = plan

  variables {
    subnet_ids = []
  }

  expect_failures = [var.subnet_ids]
}

run "data_key_not_an_arn" {
  command = plan

  variables {
    kms_key_arn = "alias/ecom-prod-data"
  }

  expect_failures = [var.kms_key_arn]
}

run "logs_key_not_an_arn" {
  command = plan

  variables {
    logs_kms_key_arn = ""
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "retention_not_accepted_by_cloudwatch" {
  command = plan

  variables {
    log_retention_days = 100
  }

  expect_failures = [var.log_retention_days]
}

run "master_user_not_an_iam_arn" {
  command = plan

  variables {
    master_user_arn = "admin"
  }

  expect_failures = [var.master_user_arn]
}

run "fewer_subnets_than_azs" {
  command = plan

  variables {
    subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  }

  expect_failures = [aws_opensearch_domain.this]
}

run "production_with_too_few_azs" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 4, az_count = 2, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [aws_opensearch_domain.this]
}

run "production_without_masters" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 6, az_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [aws_opensearch_domain.this]
}

run "production_with_a_burstable_type" {
  command = plan

  variables {
    cluster = { instance_type = "t3.medium.search", instance_count = 3, az_count = 3, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 500 }
  }

  expect_failures = [aws_opensearch_domain.this]
}

run "production_with_small_volumes" {
  command = plan

  variables {
    cluster = { instance_type = "r7g.xlarge.search", instance_count = 6, az_count = 3, master_instance_type = "m7g.large.search", master_count = 3, volume_size_gib = 50 }
  }

  expect_failures = [aws_opensearch_domain.this]
}
