# The replicator into this cluster: names kept, offsets synchronised, its role
# limited to the two clusters, its own security groups on both sides.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name          = "ecom-prod-us-west-2-events"
  kafka_version = "3.6.0"
  brokers = {
    instance_type   = "kafka.m7g.large"
    count           = 6
    volume_size     = 500
    max_volume_size = 4000
  }
  server_properties = {
    default_replication_factor = 3
    min_insync_replicas        = 2
    log_retention_hours        = 168
  }
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-a", "subnet-b", "subnet-c"]
  client_security_group_ids = ["sg-workload"]
  at_rest_kms_key_arn       = "arn:aws:kms:us-west-2:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs = {
    kms_key_arn    = "arn:aws:kms:us-west-2:333333333333:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    retention_days = 365
  }
}

run "source_side_has_a_security_group_only" {
  command = plan

  variables {
    create_replicator_security_group = true
  }

  assert {
    condition     = length(aws_security_group.replicator) == 1 && length(aws_vpc_security_group_ingress_rule.brokers_from_replicator) == 1 && length(aws_msk_replicator.this) == 0 && length(aws_iam_role.replicator) == 0
    error_message = "the source side lets the replicator's group in, without a replicator of its own"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.brokers_from_replicator[0].from_port == 9098 && aws_vpc_security_group_egress_rule.replicator_to_brokers[0].to_port == 9098
    error_message = "the replicator talks SASL/IAM (9098) only"
  }
}

run "target_side_replicates_with_names_kept" {
  command = apply

  variables {
    replication = {
      source_cluster_arn        = "arn:aws:kafka:us-east-1:333333333333:cluster/ecom-prod-us-east-1-events/9f8e7d6c-1111-2222-3333-444455556666-3"
      source_subnet_ids         = ["subnet-east-a", "subnet-east-b", "subnet-east-c"]
      source_security_group_ids = ["sg-east-replicator"]
    }
  }

  assert {
    condition     = length(aws_msk_replicator.this) == 1 && aws_msk_replicator.this[0].replication_info_list[0].topic_replication[0].topic_name_configuration[0].type == "IDENTICAL"
    error_message = "the replicator keeps topic names, so consumers fail over without renaming"
  }

  assert {
    condition     = aws_msk_replicator.this[0].replication_info_list[0].source_kafka_cluster_arn == var.replication.source_cluster_arn && aws_msk_replicator.this[0].replication_info_list[0].target_kafka_cluster_arn == aws_msk_cluster.this.arn
    error_message = "from the source cluster into this one"
  }

  assert {
    condition     = aws_msk_replicator.this[0].replication_info_list[0].consumer_group_replication[0].synchronise_consumer_group_offsets && aws_msk_replicator.this[0].replication_info_list[0].topic_replication[0].copy_topic_configurations
    error_message = "offsets and topic configurations travel with the data"
  }

  assert {
    condition     = length(aws_security_group.replicator) == 1 && output.replicator_security_group_id != null
    error_message = "the target side has its replicator security group without being asked"
  }

  assert {
    condition     = jsondecode(aws_iam_role.replicator[0].assume_role_policy).Statement[0].Principal.Service == "kafka.amazonaws.com" && jsondecode(aws_iam_role.replicator[0].assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "111111111111"
    error_message = "only MSK of this account assumes the replicator role"
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.replicator[0].policy).Statement[1].Resource == [
      "arn:aws:kafka:us-east-1:333333333333:topic/ecom-prod-us-east-1-events/9f8e7d6c-1111-2222-3333-444455556666-3/*",
      "arn:aws:kafka:us-east-1:111111111111:topic/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/*",
    ]
    error_message = "the replicator's role covers the topics of the two clusters only"
  }
}
