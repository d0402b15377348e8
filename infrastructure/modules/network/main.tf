data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  count = var.azs == null ? 1 : 0

  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

locals {
  azs = var.azs != null ? var.azs : slice(sort(data.aws_availability_zones.available[0].names), 0, var.az_count)

  # Three slots per tier, whatever az_count is: going from 2 to 3 AZs adds
  # subnets without moving any existing one (see README, "Address layout").
  slots = 3
  cidrs = cidrsubnets(var.vpc_cidr, concat(
    [for i in range(local.slots) : var.subnet_newbits.private],
    [for i in range(local.slots) : var.subnet_newbits.public],
    [for i in range(local.slots) : var.subnet_newbits.data],
  )...)

  subnets = {
    for i, az in local.azs : az => {
      private = local.cidrs[i]
      public  = local.cidrs[local.slots + i]
      data    = local.cidrs[2 * local.slots + i]
    }
  }

  # AZ of the NAT gateway each private route table sends internet traffic to.
  nat_azs = {
    per_az = { for az in local.azs : az => az }
    single = { for az in local.azs : az => local.azs[0] }
    none   = {}
  }[var.nat_gateways]

  private_cidrs = [for az in local.azs : local.subnets[az].private]
  data_cidrs    = [for az in local.azs : local.subnets[az].data]
}

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })
}

# No rules: the default security group denies everything, so nothing can use it by accident.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-default-deny" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "public" {
  for_each = local.subnets

  vpc_id                  = aws_vpc.this.id
  availability_zone       = each.key
  cidr_block              = each.value.public
  map_public_ip_on_launch = false

  tags = merge(var.tags, var.subnet_tags.public, {
    Name                     = "${var.name}-public-${each.key}"
    Tier                     = "public"
    "kubernetes.io/role/elb" = "1"
  })
}

resource "aws_subnet" "private" {
  for_each = local.subnets

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = each.value.private

  tags = merge(var.tags, var.subnet_tags.private, {
    Name                              = "${var.name}-private-${each.key}"
    Tier                              = "private"
    "kubernetes.io/role/internal-elb" = "1"
  })
}

resource "aws_subnet" "data" {
  for_each = local.subnets

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = each.value.data

  tags = merge(var.tags, var.subnet_tags.data, {
    Name = "${var.name}-data-${each.key}"
    Tier = "data"
  })
}

resource "aws_eip" "nat" {
  #checkov:skip=CKV2_AWS_19:The address belongs to a NAT gateway (aws_nat_gateway.allocation_id), not to an EC2 instance.
  for_each = toset(distinct(values(local.nat_azs)))

  domain = "vpc"

  tags = merge(var.tags, { Name = "${var.name}-nat-${each.key}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  for_each = aws_eip.nat

  allocation_id = each.value.id
  subnet_id     = aws_subnet.public[each.key].id

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}
