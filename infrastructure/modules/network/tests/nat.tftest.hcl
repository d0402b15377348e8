# NAT gateways per mode and where each private route table sends 0.0.0.0/0.
# These runs use `command = apply` against the mocked provider (nothing real
# is created): only then does every NAT gateway get its own mocked id, so a
# route can be compared with the NAT gateway it must target.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "per_az" {
  command = apply

  variables {
    nat_gateways = "per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3 && length(aws_eip.nat) == 3
    error_message = "per_az needs 3 NAT gateways and 3 EIPs, got ${length(aws_nat_gateway.this)}"
  }

  assert {
    condition     = alltrue([for az in ["us-east-1a", "us-east-1b", "us-east-1c"] : aws_nat_gateway.this[az].subnet_id == aws_subnet.public[az].id])
    error_message = "each NAT gateway must sit in its own AZ's public subnet"
  }

  assert {
    condition     = alltrue([for az in ["us-east-1a", "us-east-1b", "us-east-1c"] : aws_route.private_nat[az].nat_gateway_id == aws_nat_gateway.this[az].id && aws_route.private_nat[az].route_table_id == aws_route_table.private[az].id])
    error_message = "each private route table must send 0.0.0.0/0 to its own AZ's NAT gateway"
  }

  assert {
    condition     = length(distinct([for r in aws_route.private_nat : r.nat_gateway_id])) == 3
    error_message = "per_az routes must use three different NAT gateways"
  }
}

run "single" {
  command = apply

  variables {
    nat_gateways = "single"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_eip.nat) == 1 && aws_nat_gateway.this["us-east-1a"].subnet_id == aws_subnet.public["us-east-1a"].id
    error_message = "single needs one NAT gateway, in the first AZ's public subnet"
  }

  assert {
    condition     = length(aws_route.private_nat) == 3 && alltrue([for r in aws_route.private_nat : r.nat_gateway_id == aws_nat_gateway.this["us-east-1a"].id])
    error_message = "with single, every private route table must send 0.0.0.0/0 to the one NAT gateway"
  }

  assert {
    condition     = length(output.nat_gateway_ids) == 1 && length(output.nat_public_ips) == 1
    error_message = "outputs must list the one NAT gateway"
  }
}

run "none" {
  command = apply

  variables {
    nat_gateways = "none"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_eip.nat) == 0 && length(aws_route.private_nat) == 0
    error_message = "none must create no NAT gateway, EIP or private default route"
  }

  assert {
    condition     = output.nat_gateway_ids == [] && output.nat_public_ips == []
    error_message = "NAT outputs must be empty lists with none"
  }
}

run "two_azs_per_az" {
  command = apply

  variables {
    az_count     = 2
    nat_gateways = "per_az"
  }

  assert {
    condition     = keys(aws_nat_gateway.this) == ["us-east-1a", "us-east-1b"] && length(aws_route_table.private) == 2
    error_message = "two AZs: two NAT gateways and two private route tables"
  }
}
