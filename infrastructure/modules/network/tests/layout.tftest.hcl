# Address layout: subnet counts and the exact CIDRs for a /16, AZ choice.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "slash16_three_azs" {
  command = plan

  assert {
    condition     = output.azs == tolist(["us-east-1a", "us-east-1b", "us-east-1c"])
    error_message = "the first three available AZs must be used, got ${jsonencode(output.azs)}"
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && length(aws_subnet.private) == 3 && length(aws_subnet.data) == 3
    error_message = "three subnets per tier"
  }

  assert {
    condition     = output.private_subnet_cidrs == ["10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18"]
    error_message = "private subnets must be the first three /18s, got ${jsonencode(output.private_subnet_cidrs)}"
  }

  assert {
    condition     = output.public_subnet_cidrs == ["10.10.192.0/22", "10.10.196.0/22", "10.10.200.0/22"]
    error_message = "public subnets must be /22s from 10.10.192.0, got ${jsonencode(output.public_subnet_cidrs)}"
  }

  assert {
    condition     = output.data_subnet_cidrs == ["10.10.204.0/22", "10.10.208.0/22", "10.10.212.0/22"]
    error_message = "data subnets must be /22s from 10.10.204.0, got ${jsonencode(output.data_subnet_cidrs)}"
  }

  assert {
    condition     = aws_subnet.private["us-east-1b"].cidr_block == "10.10.64.0/18" && aws_subnet.data["us-east-1c"].availability_zone == "us-east-1c"
    error_message = "subnets must be keyed by AZ and placed in it"
  }

  assert {
    condition     = aws_vpc.this.cidr_block == "10.10.0.0/16" && aws_vpc.this.enable_dns_hostnames && aws_vpc.this.enable_dns_support
    error_message = "VPC must use the given CIDR with DNS support and hostnames"
  }

  assert {
    condition     = alltrue([for s in aws_subnet.public : !s.map_public_ip_on_launch])
    error_message = "public subnets must not hand out public IPs by default"
  }
}

run "two_azs_keep_addresses" {
  command = plan

  variables {
    az_count = 2
  }

  assert {
    condition     = output.private_subnet_cidrs == ["10.10.0.0/18", "10.10.64.0/18"] && output.public_subnet_cidrs == ["10.10.192.0/22", "10.10.196.0/22"] && output.data_subnet_cidrs == ["10.10.204.0/22", "10.10.208.0/22"]
    error_message = "with 2 AZs the subnets must keep the addresses they have with 3 (slots are reserved)"
  }
}

run "explicit_azs_and_newbits" {
  command = plan

  variables {
    vpc_cidr       = "10.20.0.0/20"
    azs            = ["us-east-1d", "us-east-1a", "us-east-1b"]
    subnet_newbits = { private = 2, public = 4, data = 6 }
  }

  assert {
    condition     = output.azs == tolist(["us-east-1d", "us-east-1a", "us-east-1b"])
    error_message = "an explicit azs list must be used as given"
  }

  assert {
    condition     = output.private_subnet_cidrs == ["10.20.0.0/22", "10.20.4.0/22", "10.20.8.0/22"] && output.public_subnet_cidrs == ["10.20.12.0/24", "10.20.13.0/24", "10.20.14.0/24"] && output.data_subnet_cidrs == ["10.20.15.0/26", "10.20.15.64/26", "10.20.15.128/26"]
    error_message = "newbits overrides must shape the subnets: ${jsonencode([output.private_subnet_cidrs, output.public_subnet_cidrs, output.data_subnet_cidrs])}"
  }
}
