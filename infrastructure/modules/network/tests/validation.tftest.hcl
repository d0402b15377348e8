# Every validation rule of the module fails on a bad value.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "cidr_not_a_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.10.0.0"
  }

  expect_failures = [var.vpc_cidr]
}

run "cidr_host_bits_set" {
  command = plan

  variables {
    vpc_cidr = "10.10.1.0/16"
  }

  expect_failures = [var.vpc_cidr]
}

run "cidr_too_large" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0/8"
  }

  expect_failures = [var.vpc_cidr]
}

run "cidr_too_small" {
  command = plan

  variables {
    vpc_cidr = "10.10.0.0/25"
  }

  expect_failures = [var.vpc_cidr]
}

run "newbits_do_not_fit" {
  command = plan

  variables {
    vpc_cidr       = "10.20.0.0/20"
    subnet_newbits = { private = 2, public = 4, data = 5 }
  }

  expect_failures = [var.subnet_newbits]
}

run "newbits_below_slash28" {
  command = plan

  variables {
    vpc_cidr       = "10.20.0.0/24"
    subnet_newbits = { private = 3, public = 5, data = 5 }
  }

  expect_failures = [var.subnet_newbits]
}

run "newbits_zero" {
  command = plan

  variables {
    subnet_newbits = { public = 0 }
  }

  expect_failures = [var.subnet_newbits]
}

run "bad_nat_mode" {
  command = plan

  variables {
    nat_gateways = "per-az"
  }

  expect_failures = [var.nat_gateways]
}

run "az_count_one" {
  command = plan

  variables {
    az_count = 1
  }

  expect_failures = [var.az_count]
}

run "az_count_four" {
  command = plan

  variables {
    az_count = 4
  }

  expect_failures = [var.az_count]
}

run "azs_length_differs" {
  command = plan

  variables {
    azs = ["us-east-1a", "us-east-1b"]
  }

  expect_failures = [var.azs]
}

run "azs_duplicate" {
  command = plan

  variables {
    azs = ["us-east-1a", "us-east-1a", "us-east-1b"]
  }

  expect_failures = [var.azs]
}

run "kms_arn_empty" {
  command = plan

  variables {
    flow_logs_kms_key_arn = ""
  }

  expect_failures = [var.flow_logs_kms_key_arn]
}

run "kms_arn_is_alias" {
  command = plan

  variables {
    flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:alias/logs"
  }

  expect_failures = [var.flow_logs_kms_key_arn]
}

run "kms_arn_is_key_id" {
  command = plan

  variables {
    flow_logs_kms_key_arn = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  expect_failures = [var.flow_logs_kms_key_arn]
}

run "retention_not_allowed" {
  command = plan

  variables {
    flow_log_retention_days = 45
  }

  expect_failures = [var.flow_log_retention_days]
}

run "endpoint_name_upper" {
  command = plan

  variables {
    interface_endpoints = ["STS"]
  }

  expect_failures = [var.interface_endpoints]
}

run "name_bad" {
  command = plan

  variables {
    name = "ecom dev"
  }

  expect_failures = [var.name]
}

run "name_too_long" {
  command = plan

  variables {
    name = "ecom-development-environment-us-east-1-extra"
  }

  expect_failures = [var.name]
}


run "data_port_out_of_range" {
  command = plan

  variables {
    data_ports = { postgres = 70000 }
  }

  expect_failures = [var.data_ports]
}
