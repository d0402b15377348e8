# One MSK cluster over the given AZs: IAM client authentication (SCRAM only
# when asked), TLS only in transit, KMS at rest, broker logs to CloudWatch,
# Prometheus exporters, storage autoscaling, and a configuration that never
# creates topics on its own.

locals {
  server_properties = {
    "auto.create.topics.enable"      = "false"
    "default.replication.factor"     = tostring(var.server_properties.default_replication_factor)
    "min.insync.replicas"            = tostring(var.server_properties.min_insync_replicas)
    "log.retention.hours"            = tostring(var.server_properties.log_retention_hours)
    "unclean.leader.election.enable" = "false"
    "num.partitions"                 = "3"
  }

  # Clients by security group reference: SASL/IAM always, SASL/SCRAM when
  # on. Prometheus scrapers by CIDR: the JMX (11001) and node (11002) exporters.
  client_ports = merge({ iam = 9098 }, var.sasl_scram ? { scram = 9096 } : {})
  client_rules = {
    for pair in setproduct(keys(local.client_ports), range(length(var.client_security_group_ids))) :
    "${pair[0]}-${pair[1]}" => { port = local.client_ports[pair[0]], group = var.client_security_group_ids[pair[1]], what = pair[0] }
  }
  monitoring_ports = { jmx_exporter = 11001, node_exporter = 11002 }
  monitoring_rules = {
    for pair in setproduct(keys(local.monitoring_ports), range(length(var.monitoring_cidrs))) :
    "${pair[0]}-${pair[1]}" => { port = local.monitoring_ports[pair[0]], cidr = var.monitoring_cidrs[pair[1]], what = pair[0] }
  }

  replicator_security_group = var.create_replicator_security_group || var.replication != null
}

resource "aws_msk_configuration" "this" {
  name           = var.name
  kafka_versions = [var.kafka_version]
  description    = "${var.name}: no automatic topics, replication defaults"

  server_properties = join("\n", [for k in sort(keys(local.server_properties)) : "${k}=${local.server_properties[k]}"])
}

resource "aws_security_group" "this" {
  name        = "${var.name}-brokers"
  description = "MSK brokers of ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-brokers" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.client_rules

  security_group_id            = aws_security_group.this.id
  description                  = "SASL/${upper(each.value.what)} from client group ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.group

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_vpc_security_group_ingress_rule" "monitoring" {
  for_each = local.monitoring_rules

  security_group_id = aws_security_group.this.id
  description       = "${each.value.what} from ${each.value.cidr}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/aws/msk/${var.name}"
  retention_in_days = var.logs.retention_days
  kms_key_id        = var.logs.kms_key_arn

  tags = var.tags
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.brokers.count
  enhanced_monitoring    = var.brokers.enhanced_monitoring

  broker_node_group_info {
    instance_type   = var.brokers.instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]

    storage_info {
      ebs_storage_info {
        volume_size = var.brokers.volume_size
      }
    }
  }

  client_authentication {
    unauthenticated = false

    sasl {
      iam   = true
      scram = var.sasl_scram
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = var.at_rest_kms_key_arn

    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }

  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    # Storage autoscaling grows the volumes; Terraform must not shrink them
    # back to the initial size (which MSK refuses anyway).
    ignore_changes = [broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size]

    precondition {
      condition     = var.brokers.count % length(var.subnet_ids) == 0
      error_message = "brokers.count must be a multiple of the number of client subnets (AZs)."
    }
  }
}

# Storage autoscaling: grow every broker's volume when its use passes 60%,
# up to max_volume_size. MSK never shrinks a volume.
resource "aws_appautoscaling_target" "storage" {
  service_namespace  = "kafka"
  resource_id        = aws_msk_cluster.this.arn
  scalable_dimension = "kafka:broker-storage:VolumeSize"
  min_capacity       = 1
  max_capacity       = var.brokers.max_volume_size

  tags = var.tags
}

resource "aws_appautoscaling_policy" "storage" {
  name               = "${var.name}-storage"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.storage.service_namespace
  resource_id        = aws_appautoscaling_target.storage.resource_id
  scalable_dimension = aws_appautoscaling_target.storage.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value     = 60
    disable_scale_in = true

    predefined_metric_specification {
      predefined_metric_type = "KafkaBrokerStorageUtilization"
    }
  }
}
