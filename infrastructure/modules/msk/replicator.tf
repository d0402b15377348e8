# Cross-region replication: an MSK Replicator created beside the target
# cluster (this one) copies the source cluster's topics with their names kept
# (IDENTICAL), their configurations, and the consumer groups' offsets, so a
# consumer can move to this region and resume (docs/runbooks/kafka-consumer-failover.md).
# Each side has a security group for the replicator's network interfaces that
# may reach its brokers on 9098 (SASL/IAM).

resource "aws_security_group" "replicator" {
  #checkov:skip=CKV2_AWS_5:attached by aws_msk_replicator (vpc_config.security_groups_ids), a type the check does not know; on the source side by the other region's replicator
  count = local.replicator_security_group ? 1 : 0

  name        = "${var.name}-replicator"
  description = "MSK Replicator network interfaces reaching ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-replicator" })
}

resource "aws_vpc_security_group_egress_rule" "replicator_to_brokers" {
  count = local.replicator_security_group ? 1 : 0

  security_group_id            = aws_security_group.replicator[0].id
  description                  = "SASL/IAM to the brokers"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = aws_security_group.this.id

  tags = merge(var.tags, { Name = "${var.name}-replicator-to-brokers" })
}

resource "aws_vpc_security_group_ingress_rule" "brokers_from_replicator" {
  count = local.replicator_security_group ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "SASL/IAM from the MSK Replicator"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = aws_security_group.replicator[0].id

  tags = merge(var.tags, { Name = "${var.name}-from-replicator" })
}

locals {
  replicated_clusters = var.replication == null ? [] : [var.replication.source_cluster_arn, aws_msk_cluster.this.arn]
  account_id          = split(":", aws_msk_cluster.this.arn)[4]
}

resource "aws_iam_role" "replicator" {
  count = var.replication == null ? 0 : 1

  name        = "${var.name}-replicator"
  description = "Service execution role of the MSK Replicator into ${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "kafka.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })

  tags = var.tags
}

# The permissions AWS documents for a replicator's execution role, on the two
# clusters it connects and their topics and groups only.
resource "aws_iam_role_policy" "replicator" {
  count = var.replication == null ? 0 : 1

  name = "replicate"
  role = aws_iam_role.replicator[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Clusters"
        Effect   = "Allow"
        Action   = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:AlterCluster", "kafka-cluster:WriteDataIdempotently"]
        Resource = local.replicated_clusters
      },
      {
        Sid      = "Topics"
        Effect   = "Allow"
        Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:CreateTopic", "kafka-cluster:AlterTopic", "kafka-cluster:WriteData", "kafka-cluster:ReadData", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:AlterTopicDynamicConfiguration"]
        Resource = [for arn in local.replicated_clusters : "${replace(arn, ":cluster/", ":topic/")}/*"]
      },
      {
        Sid      = "Groups"
        Effect   = "Allow"
        Action   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
        Resource = [for arn in local.replicated_clusters : "${replace(arn, ":cluster/", ":group/")}/*"]
      },
    ]
  })
}

resource "aws_msk_replicator" "this" {
  count = var.replication == null ? 0 : 1

  replicator_name            = var.name
  description                = "Replicates ${var.replication.source_cluster_arn} into ${var.name}, topic names kept"
  service_execution_role_arn = aws_iam_role.replicator[0].arn

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = var.replication.source_cluster_arn
    }
    vpc_config {
      subnet_ids          = var.replication.source_subnet_ids
      security_groups_ids = var.replication.source_security_group_ids
    }
  }

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = aws_msk_cluster.this.arn
    }
    vpc_config {
      subnet_ids          = var.subnet_ids
      security_groups_ids = [aws_security_group.replicator[0].id]
    }
  }

  replication_info_list {
    source_kafka_cluster_arn = var.replication.source_cluster_arn
    target_kafka_cluster_arn = aws_msk_cluster.this.arn
    target_compression_type  = "NONE"

    topic_replication {
      topics_to_replicate                  = var.replication.topics_to_replicate
      copy_topic_configurations            = true
      copy_access_control_lists_for_topics = true
      detect_and_copy_new_topics           = true

      topic_name_configuration {
        type = "IDENTICAL"
      }

      starting_position {
        type = "EARLIEST"
      }
    }

    consumer_group_replication {
      consumer_groups_to_replicate        = var.replication.consumer_groups_to_replicate
      synchronise_consumer_group_offsets  = true
      detect_and_copy_new_consumer_groups = true
    }
  }

  tags = merge(var.tags, { Name = var.name })

  depends_on = [aws_iam_role_policy.replicator]
}
