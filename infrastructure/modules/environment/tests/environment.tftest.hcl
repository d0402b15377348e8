# Plan-level tests of the environment data module: what every stack reads.

run "dev_us_east_1" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
    layer       = "network"
  }

  assert {
    condition     = output.stack_id == "dev-us-east-1-network"
    error_message = "stack id must be <env>-<region>-<layer>"
  }

  assert {
    condition = output.tags == {
      Project     = "ecom"
      Environment = "dev"
      Region      = "us-east-1"
      Stack       = "dev-us-east-1-network"
      Owner       = "platform-team"
      CostCenter  = "CC-1042"
      ManagedBy   = "terraform"
    }
    error_message = "common tags are wrong: ${jsonencode(output.tags)}"
  }

  assert {
    condition     = output.vpc_cidr == "10.10.0.0/16" && output.account_id == "111111111111"
    error_message = "dev us-east-1 data not read"
  }

  assert {
    condition     = output.network.nat_gateways == "single" && !output.is_production
    error_message = "dev must be non-production with a single NAT"
  }

  assert {
    condition     = output.region_code == "use1"
    error_message = "region code of us-east-1 must be use1, got ${output.region_code}"
  }

  assert {
    condition     = output.state_buckets["us-west-2"] == "ecom-dev-us-west-2-tfstate-111111111111"
    error_message = "state bucket names follow <project>-<env>-<region>-tfstate-<account>"
  }
}

run "environment_scope_is_global" {
  command = plan

  variables {
    environment = "prod"
    region      = "us-east-1"
    layer       = "global"
    scope       = "environment"
  }

  assert {
    condition     = output.stack_id == "prod-global-global" && output.tags.Region == "global"
    error_message = "environment-wide stacks are named <env>-global-<layer>"
  }

  assert {
    condition     = output.is_production && output.network.nat_gateways == "per_az"
    error_message = "prod must be production with a NAT per AZ"
  }

  assert {
    condition     = output.region_code == "use1" && jsonencode(output.regions) == jsonencode(["us-east-1", "us-west-2"])
    error_message = "regions of prod must be both regions"
  }
}

run "region_overrides_merge" {
  command = plan

  variables {
    environment = "override"
    region      = "us-west-2"
    layer       = "network"
    data_dir    = "tests/fixtures"
  }

  assert {
    condition     = output.network.interface_endpoints == ["sts"] && output.network.nat_gateways == "single"
    error_message = "a region override must replace only the keys it names"
  }
}

run "bad_account_id" {
  command = plan

  variables {
    environment = "badaccount"
    region      = "us-east-1"
    layer       = "network"
    data_dir    = "tests/fixtures"
  }

  expect_failures = [output.account_id]
}

run "unknown_environment" {
  command = plan

  variables {
    environment = "qa"
    region      = "us-east-1"
    layer       = "network"
  }

  expect_failures = [var.environment]
}

run "unknown_region" {
  command = plan

  variables {
    environment = "dev"
    region      = "eu-west-1"
    layer       = "network"
  }

  expect_failures = [var.region]
}

run "bad_layer_name" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
    layer       = "Network Layer"
  }

  expect_failures = [var.layer]
}

run "bad_scope" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
    layer       = "network"
    scope       = "account"
  }

  expect_failures = [var.scope]
}

run "prod_with_one_nat_is_refused" {
  command = plan

  variables {
    environment = "smallprod"
    region      = "us-east-1"
    layer       = "network"
    data_dir    = "tests/fixtures"
  }

  expect_failures = [output.network]
}

run "prod_with_short_key_deletion_window_is_refused" {
  command = plan

  variables {
    environment = "weakkeys"
    region      = "us-east-1"
    layer       = "security"
    data_dir    = "tests/fixtures"
  }

  expect_failures = [output.security]
}
