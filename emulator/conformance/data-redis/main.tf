# The data layer's Redis resource types: subnet group, cluster-mode parameter
# group, RBAC user and user group, an encrypted cluster-mode replication group
# (2 shards x 1 replica), a Global Datastore on it, and a secondary member in
# us-west-2 (its own subnet group, security group, KMS key and RBAC users), as
# the prod redis stacks build them.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

resource "aws_vpc" "this" {
  cidr_block = "10.40.0.0/16"

  tags = { Name = "${var.name}-redis-vpc" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in local.azs : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value + 20)

  tags = { Name = "${var.name}-redis-${each.key}", Tier = "data" }
}

resource "aws_security_group" "redis" {
  name        = "${var.name}-redis"
  description = "Redis clients"
  vpc_id      = aws_vpc.this.id
}

resource "aws_kms_key" "redis" {
  description             = "${var.name} redis"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_elasticache_subnet_group" "this" {
  name        = "${var.name}-redis"
  description = "Redis subnets"
  subnet_ids  = [for s in aws_subnet.data : s.id]
}

resource "aws_elasticache_parameter_group" "this" {
  name        = "${var.name}-redis7-cluster"
  family      = "redis7"
  description = "Redis 7 cluster mode"

  parameter {
    name  = "cluster-enabled"
    value = "yes"
  }

  parameter {
    name  = "maxmemory-policy"
    value = "volatile-lru"
  }
}

resource "aws_elasticache_user" "default" {
  user_id       = "${var.name}-default"
  user_name     = "default"
  access_string = "off -@all"
  engine        = "redis"

  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user" "app" {
  user_id       = "${var.name}-app"
  user_name     = "app"
  access_string = "on ~app:* +@read +@write"
  engine        = "redis"

  authentication_mode {
    type = "iam"
  }
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = "${var.name}-users"
  engine        = "redis"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.app.user_id]
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = "${var.name}-redis"
  description          = "Redis cluster mode"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.r7g.large"
  port                 = 6379

  num_node_groups         = 2
  replicas_per_node_group = 1

  automatic_failover_enabled = true
  multi_az_enabled           = true

  parameter_group_name = aws_elasticache_parameter_group.this.name
  subnet_group_name    = aws_elasticache_subnet_group.this.name
  security_group_ids   = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.redis.arn
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.this.user_group_id]

  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
  maintenance_window       = "sun:05:00-sun:06:00"
}

resource "aws_elasticache_global_replication_group" "this" {
  global_replication_group_id_suffix   = "${var.name}-redis"
  primary_replication_group_id         = aws_elasticache_replication_group.this.id
  global_replication_group_description = "Redis global datastore"
}

# --- Global Datastore member in us-west-2 ------------------------------------------

provider "aws" {
  alias  = "west"
  region = "us-west-2"

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "emulator-conformance"
    }
  }
}

resource "aws_vpc" "west" {
  provider = aws.west

  cidr_block = "10.41.0.0/16"
}

resource "aws_subnet" "west" {
  provider = aws.west
  for_each = { "us-west-2a" = 0, "us-west-2b" = 1 }

  vpc_id            = aws_vpc.west.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.west.cidr_block, 8, each.value + 20)
}

resource "aws_elasticache_subnet_group" "west" {
  provider = aws.west

  name       = "${var.name}-redis"
  subnet_ids = [for s in aws_subnet.west : s.id]
}

resource "aws_security_group" "west" {
  provider = aws.west

  name        = "${var.name}-redis"
  description = "Redis clients"
  vpc_id      = aws_vpc.west.id
}

resource "aws_kms_key" "west" {
  provider = aws.west

  description             = "${var.name} redis (us-west-2)"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_elasticache_user" "west_default" {
  provider = aws.west

  user_id       = "${var.name}-west-default"
  user_name     = "default"
  access_string = "off -@all"
  engine        = "redis"

  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user_group" "west" {
  provider = aws.west

  user_group_id = "${var.name}-west-users"
  engine        = "redis"
  user_ids      = [aws_elasticache_user.west_default.user_id]
}

resource "aws_elasticache_replication_group" "west" {
  provider = aws.west

  replication_group_id        = "${var.name}-redis-west"
  description                 = "Redis global datastore member"
  global_replication_group_id = aws_elasticache_global_replication_group.this.global_replication_group_id
  replicas_per_node_group     = 1

  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.west.name
  security_group_ids         = [aws_security_group.west.id]
  kms_key_id                 = aws_kms_key.west.arn
  user_group_ids             = [aws_elasticache_user_group.west.user_group_id]

  snapshot_retention_limit = 7
  snapshot_window          = "03:00-04:00"
  maintenance_window       = "sun:05:00-sun:06:00"
}
