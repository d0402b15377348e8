# Redis (ElastiCache, cluster mode on): shards and replicas from the
# environment data, automatic failover and Multi-AZ, encryption at rest (data
# key) and in transit, slow and engine logs to CloudWatch Logs (logs key), RBAC users (the default user disabled, the application
# user authenticated by IAM: no password anywhere), a parameter group from
# parameters/redis7.json, daily snapshots and, in production, a Global
# Datastore spanning both regions.

locals {
  id         = "${var.name}-redis"
  port       = 6379
  parameters = jsondecode(file("${path.module}/parameters/redis7.json"))
  secondary  = var.global_datastore == "secondary"
  clients    = { for i, id in var.client_security_group_ids : tostring(i) => id }
}

resource "aws_elasticache_subnet_group" "this" {
  name        = local.id
  description = "Redis ${local.id}: data subnets"
  subnet_ids  = var.subnet_ids

  tags = { Name = local.id }

  lifecycle {
    precondition {
      condition     = !var.production || length(distinct(var.subnet_ids)) >= 3
      error_message = "Production Redis needs data subnets in three AZs."
    }
    precondition {
      condition     = !var.production || var.settings.shards >= 2
      error_message = "Production Redis needs at least two shards (settings.shards)."
    }
    precondition {
      condition     = !var.production || var.settings.replicas_per_shard >= 2
      error_message = "Production Redis needs two replicas per shard (settings.replicas_per_shard), one in each other AZ."
    }
    precondition {
      condition     = !var.production || !startswith(var.settings.node_type, "cache.t")
      error_message = "Production Redis must not run on burstable nodes (cache.t*)."
    }
    precondition {
      condition     = !var.production || var.settings.snapshot_retention_days >= 7
      error_message = "Production Redis keeps at least 7 days of snapshots."
    }
    precondition {
      condition     = !local.secondary || try(length(var.global_replication_group_id) > 0, false)
      error_message = "global_datastore = secondary needs global_replication_group_id (the primary region's redis output global_datastore_id)."
    }
  }
}

resource "aws_elasticache_parameter_group" "this" {
  name        = "${local.id}-${local.parameters.family}"
  family      = local.parameters.family
  description = "Redis 7 cluster mode: eviction, timeouts, slow log"

  dynamic "parameter" {
    for_each = local.parameters.parameters

    content {
      name  = parameter.key
      value = parameter.value.value
    }
  }

  tags = { Name = "${local.id}-${local.parameters.family}" }

  lifecycle {
    create_before_destroy = true
  }
}

# The slow log (commands over slowlog-log-slower-than) and the engine log,
# delivered to CloudWatch Logs under the logs key.
resource "aws_cloudwatch_log_group" "this" {
  for_each = toset(["slow-log", "engine-log"])

  name              = "/aws/elasticache/${local.id}/${each.key}"
  retention_in_days = var.settings.log_retention_days
  kms_key_id        = var.logs_kms_key_arn

  tags = { Name = "${local.id}-${each.key}" }
}

resource "aws_security_group" "this" {
  name        = local.id
  description = "Redis ${local.id}: workload nodes and its own members on ${local.port}"
  vpc_id      = var.vpc_id

  tags = { Name = local.id }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.clients

  security_group_id            = aws_security_group.this.id
  description                  = "Redis from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = { Name = "${local.id}-clients-${each.key}" }
}

resource "aws_vpc_security_group_ingress_rule" "self" {
  security_group_id            = aws_security_group.this.id
  description                  = "Redis between the cluster's own nodes"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.this.id

  tags = { Name = "${local.id}-self" }
}

# RBAC: the `default` user every user group must hold is switched off; the
# application authenticates as `<name>-app` with IAM (user id = user name, as
# IAM authentication requires).
resource "aws_elasticache_user" "default" {
  user_id       = "${local.id}-default"
  user_name     = "default"
  access_string = "off -@all"
  engine        = "redis"

  authentication_mode {
    type = "no-password-required"
  }

  tags = { Name = "${local.id}-default" }
}

resource "aws_elasticache_user" "app" {
  user_id       = "${local.id}-app"
  user_name     = "${local.id}-app"
  access_string = "on ~* -@dangerous +@read +@write +@connection"
  engine        = "redis"

  authentication_mode {
    type = "iam"
  }

  tags = { Name = "${local.id}-app" }
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = local.id
  engine        = "redis"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.app.user_id]

  tags = { Name = local.id }
}

resource "aws_elasticache_replication_group" "this" {
  #checkov:skip=CKV_AWS_29:A Global Datastore member inherits encryption at rest from the Global Datastore (the provider refuses the argument there); the primary sets it, tests/sizing.tftest.hcl asserts it.
  #checkov:skip=CKV_AWS_30:As CKV_AWS_29, for encryption in transit.
  #checkov:skip=CKV_AWS_31:As CKV_AWS_30; authentication is RBAC with IAM users (user_group_ids), not an AUTH token.
  replication_group_id = local.id
  description          = "Redis ${local.id}: cluster mode, ${var.settings.shards} shard(s) x ${var.settings.replicas_per_shard} replica(s)"
  port                 = local.port

  # A Global Datastore member takes engine, version, node type, shard count,
  # parameter group and encryption from the Global Datastore.
  global_replication_group_id = local.secondary ? var.global_replication_group_id : null
  engine                      = local.secondary ? null : "redis"
  engine_version              = local.secondary ? null : var.settings.engine_version
  node_type                   = local.secondary ? null : var.settings.node_type
  num_node_groups             = local.secondary ? null : var.settings.shards
  parameter_group_name        = local.secondary ? null : aws_elasticache_parameter_group.this.name
  replicas_per_node_group     = var.settings.replicas_per_shard

  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.this.id]

  # A member inherits encryption at rest and in transit from the Global
  # Datastore (on for its primary) and encrypts with its own region's key.
  at_rest_encryption_enabled = local.secondary ? null : true
  kms_key_id                 = var.kms_key_arn
  transit_encryption_enabled = local.secondary ? null : true
  user_group_ids             = [aws_elasticache_user_group.this.user_group_id]

  dynamic "log_delivery_configuration" {
    for_each = aws_cloudwatch_log_group.this

    content {
      destination      = log_delivery_configuration.value.name
      destination_type = "cloudwatch-logs"
      log_format       = "json"
      log_type         = log_delivery_configuration.key
    }
  }

  snapshot_retention_limit   = var.settings.snapshot_retention_days
  snapshot_window            = var.settings.snapshot_window
  maintenance_window         = var.settings.maintenance_window
  auto_minor_version_upgrade = true

  tags = { Name = local.id }
}

resource "aws_elasticache_global_replication_group" "this" {
  count = var.global_datastore == "primary" ? 1 : 0

  global_replication_group_id_suffix   = local.id
  primary_replication_group_id         = aws_elasticache_replication_group.this.replication_group_id
  global_replication_group_description = "Redis ${local.id}: Global Datastore across the environment's regions"
}
