# The event-streaming layer's resource types: MSK configuration and clusters
# (IAM auth, TLS in transit, KMS at rest, broker logs to CloudWatch, open
# monitoring), broker storage autoscaling, an MSK Replicator between two
# clusters with its role, and the Glue schema registry.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

resource "aws_vpc" "this" {
  cidr_block = "10.30.0.0/16"

  tags = { Name = "${var.name}-events" }
}

resource "aws_subnet" "private" {
  for_each = { for i, az in local.azs : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value)

  tags = { Name = "${var.name}-events-${each.key}" }
}

resource "aws_security_group" "msk" {
  name        = "${var.name}-msk"
  description = "MSK brokers"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name}-msk" }
}

resource "aws_vpc_security_group_ingress_rule" "msk_iam" {
  security_group_id = aws_security_group.msk.id
  description       = "Kafka SASL/IAM from the VPC"
  ip_protocol       = "tcp"
  from_port         = 9098
  to_port           = 9098
  cidr_ipv4         = aws_vpc.this.cidr_block
}

resource "aws_kms_key" "msk" {
  description         = "${var.name} MSK at rest"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "msk" {
  name              = "/${var.name}/msk/brokers"
  retention_in_days = 30
}

resource "aws_msk_configuration" "this" {
  name           = "${var.name}-events"
  kafka_versions = ["3.6.0"]
  description    = "Event streaming defaults"

  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=3
    min.insync.replicas=2
  PROPERTIES
}

locals {
  clusters = {
    primary = "${var.name}-events"
    replica = "${var.name}-events-replica"
  }
}

resource "aws_msk_cluster" "this" {
  for_each = local.clusters

  cluster_name           = each.value
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  enhanced_monitoring    = "PER_BROKER"

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = [for s in aws_subnet.private : s.id]
    security_groups = [aws_security_group.msk.id]

    storage_info {
      ebs_storage_info {
        volume_size = 100

        provisioned_throughput {
          enabled           = true
          volume_throughput = 250
        }
      }
    }
  }

  client_authentication {
    sasl {
      iam = true
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn

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
        log_group = aws_cloudwatch_log_group.msk.name
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

  tags = { Name = each.value }
}

resource "aws_appautoscaling_target" "msk_storage" {
  service_namespace  = "kafka"
  resource_id        = aws_msk_cluster.this["primary"].arn
  scalable_dimension = "kafka:broker-storage:VolumeSize"
  min_capacity       = 1
  max_capacity       = 1000

  tags = { Name = "${var.name}-msk-storage" }
}

resource "aws_appautoscaling_policy" "msk_storage" {
  name               = "${var.name}-msk-storage"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.msk_storage.service_namespace
  resource_id        = aws_appautoscaling_target.msk_storage.resource_id
  scalable_dimension = aws_appautoscaling_target.msk_storage.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value     = 60
    disable_scale_in = true

    predefined_metric_specification {
      predefined_metric_type = "KafkaBrokerStorageUtilization"
    }
  }
}

data "aws_iam_policy_document" "replicator_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["kafka.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "replicator" {
  name               = "${var.name}-msk-replicator"
  assume_role_policy = data.aws_iam_policy_document.replicator_assume.json
}

data "aws_iam_policy_document" "replicator" {
  statement {
    actions = [
      "kafka-cluster:Connect",
      "kafka-cluster:DescribeCluster",
      "kafka-cluster:AlterCluster",
      "kafka-cluster:DescribeTopic",
      "kafka-cluster:CreateTopic",
      "kafka-cluster:AlterTopic",
      "kafka-cluster:WriteData",
      "kafka-cluster:ReadData",
      "kafka-cluster:AlterGroup",
      "kafka-cluster:DescribeGroup",
      "kafka-cluster:DescribeTopicDynamicConfiguration",
      "kafka-cluster:AlterTopicDynamicConfiguration",
      "kafka-cluster:WriteDataIdempotently",
    ]
    resources = flatten([
      for c in aws_msk_cluster.this : [
        c.arn,
        "arn:${data.aws_partition.current.partition}:kafka:${var.region}:${data.aws_caller_identity.current.account_id}:topic/${c.cluster_name}/*",
        "arn:${data.aws_partition.current.partition}:kafka:${var.region}:${data.aws_caller_identity.current.account_id}:group/${c.cluster_name}/*",
      ]
    ])
  }
}

resource "aws_iam_role_policy" "replicator" {
  name   = "replicate"
  role   = aws_iam_role.replicator.id
  policy = data.aws_iam_policy_document.replicator.json
}

resource "aws_msk_replicator" "this" {
  replicator_name            = "${var.name}-events"
  description                = "primary to replica"
  service_execution_role_arn = aws_iam_role.replicator.arn

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = aws_msk_cluster.this["primary"].arn
    }
    vpc_config {
      subnet_ids          = [for s in aws_subnet.private : s.id]
      security_groups_ids = [aws_security_group.msk.id]
    }
  }

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = aws_msk_cluster.this["replica"].arn
    }
    vpc_config {
      subnet_ids          = [for s in aws_subnet.private : s.id]
      security_groups_ids = [aws_security_group.msk.id]
    }
  }

  replication_info_list {
    source_kafka_cluster_arn = aws_msk_cluster.this["primary"].arn
    target_kafka_cluster_arn = aws_msk_cluster.this["replica"].arn
    target_compression_type  = "NONE"

    topic_replication {
      topics_to_replicate        = [".*"]
      copy_topic_configurations  = true
      detect_and_copy_new_topics = true

      starting_position {
        type = "LATEST"
      }
    }

    consumer_group_replication {
      consumer_groups_to_replicate        = [".*"]
      synchronise_consumer_group_offsets  = true
      detect_and_copy_new_consumer_groups = true
    }
  }

  tags = { Name = "${var.name}-events" }

  depends_on = [aws_iam_role_policy.replicator]
}

resource "aws_glue_registry" "events" {
  registry_name = "${var.name}-events"
  description   = "Event schemas"
}

resource "aws_glue_schema" "order_created" {
  schema_name   = "order-created"
  registry_arn  = aws_glue_registry.events.arn
  data_format   = "AVRO"
  compatibility = "BACKWARD"
  schema_definition = jsonencode({
    type      = "record"
    name      = "OrderCreated"
    namespace = "events"
    fields = [
      { name = "order_id", type = "string" },
      { name = "amount", type = "long" },
    ]
  })
}
