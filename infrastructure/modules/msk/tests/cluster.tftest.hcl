# The cluster: IAM-only clients, TLS only, KMS at rest, logs, monitoring,
# storage autoscaling and the configuration that never creates topics.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name          = "ecom-dev-us-east-1-events"
  kafka_version = "3.6.0"
  brokers = {
    instance_type   = "kafka.t3.small"
    count           = 3
    volume_size     = 20
    max_volume_size = 100
  }
  server_properties = {
    default_replication_factor = 3
    min_insync_replicas        = 2
    log_retention_hours        = 168
  }
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-a", "subnet-b", "subnet-c"]
  client_security_group_ids = ["sg-workload"]
  monitoring_cidrs          = ["10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18"]
  at_rest_kms_key_arn       = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs = {
    kms_key_arn    = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    retention_days = 30
  }
}

run "secure_defaults" {
  command = apply

  assert {
    condition     = aws_msk_cluster.this.client_authentication[0].sasl[0].iam == true && aws_msk_cluster.this.client_authentication[0].sasl[0].scram == false && aws_msk_cluster.this.client_authentication[0].unauthenticated == false
    error_message = "clients authenticate with IAM only unless sasl_scram"
  }

  assert {
    condition     = aws_msk_cluster.this.encryption_info[0].encryption_in_transit[0].client_broker == "TLS" && aws_msk_cluster.this.encryption_info[0].encryption_in_transit[0].in_cluster == true
    error_message = "TLS only, between clients and brokers and inside the cluster"
  }

  assert {
    condition     = aws_msk_cluster.this.encryption_info[0].encryption_at_rest_kms_key_arn == var.at_rest_kms_key_arn
    error_message = "volumes are encrypted with the given key"
  }

  assert {
    condition     = aws_msk_cluster.this.logging_info[0].broker_logs[0].cloudwatch_logs[0].enabled && aws_cloudwatch_log_group.brokers.kms_key_id == var.logs.kms_key_arn && aws_cloudwatch_log_group.brokers.retention_in_days == 30
    error_message = "broker logs go to a KMS-encrypted log group with the given retention"
  }

  assert {
    condition     = aws_msk_cluster.this.open_monitoring[0].prometheus[0].jmx_exporter[0].enabled_in_broker && aws_msk_cluster.this.open_monitoring[0].prometheus[0].node_exporter[0].enabled_in_broker
    error_message = "both Prometheus exporters are on"
  }

  assert {
    condition     = aws_msk_cluster.this.enhanced_monitoring == "DEFAULT" && aws_msk_cluster.this.number_of_broker_nodes == 3 && aws_msk_cluster.this.broker_node_group_info[0].instance_type == "kafka.t3.small"
    error_message = "sizing and monitoring come from brokers"
  }

  assert {
    condition = toset(split("\n", aws_msk_configuration.this.server_properties)) == toset([
      "auto.create.topics.enable=false",
      "default.replication.factor=3",
      "log.retention.hours=168",
      "min.insync.replicas=2",
      "num.partitions=3",
      "unclean.leader.election.enable=false",
    ])
    error_message = "the configuration turns automatic topic creation off and sets the replication defaults"
  }

  assert {
    condition     = aws_msk_cluster.this.configuration_info[0].arn == aws_msk_configuration.this.arn && aws_msk_configuration.this.kafka_versions == toset(["3.6.0"])
    error_message = "the cluster uses the configuration, for its Kafka version"
  }

  assert {
    condition     = aws_appautoscaling_target.storage.max_capacity == 100 && aws_appautoscaling_target.storage.scalable_dimension == "kafka:broker-storage:VolumeSize" && aws_appautoscaling_policy.storage.target_tracking_scaling_policy_configuration[0].disable_scale_in
    error_message = "storage autoscaling grows volumes up to max_volume_size and never shrinks them"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.clients) == 1 && aws_vpc_security_group_ingress_rule.clients["iam-0"].from_port == 9098 && aws_vpc_security_group_ingress_rule.clients["iam-0"].referenced_security_group_id == "sg-workload" && aws_vpc_security_group_ingress_rule.clients["iam-0"].cidr_ipv4 == null
    error_message = "clients reach SASL/IAM only, by security group reference (no SCRAM, plaintext or TLS-only ports, no CIDR)"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.monitoring) == 6 && alltrue([for r in aws_vpc_security_group_ingress_rule.monitoring : contains([11001, 11002], r.from_port) && contains(var.monitoring_cidrs, r.cidr_ipv4)])
    error_message = "the Prometheus exporters are open to the monitoring CIDRs only"
  }

  assert {
    condition     = length(aws_security_group.replicator) == 0 && length(aws_msk_replicator.this) == 0 && output.replicator_arn == null && output.replicator_security_group_id == null
    error_message = "no replication pieces by default"
  }
}

run "scram_when_asked" {
  command = plan

  variables {
    sasl_scram = true
  }

  assert {
    condition     = aws_msk_cluster.this.client_authentication[0].sasl[0].scram && aws_msk_cluster.this.client_authentication[0].sasl[0].iam
    error_message = "sasl_scram adds SCRAM beside IAM"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.clients["scram-0"].from_port == 9096 && aws_vpc_security_group_ingress_rule.clients["scram-0"].referenced_security_group_id == "sg-workload"
    error_message = "sasl_scram opens 9096 to the client groups"
  }
}

run "prod_sizing" {
  command = plan

  variables {
    brokers = {
      instance_type       = "kafka.m7g.large"
      count               = 6
      volume_size         = 500
      max_volume_size     = 4000
      enhanced_monitoring = "PER_TOPIC_PER_BROKER"
    }
  }

  assert {
    condition     = aws_msk_cluster.this.number_of_broker_nodes == 6 && aws_msk_cluster.this.enhanced_monitoring == "PER_TOPIC_PER_BROKER" && aws_appautoscaling_target.storage.max_capacity == 4000
    error_message = "six m7g.large brokers, two per AZ, storage growing to 4000 GiB"
  }

  assert {
    condition     = aws_msk_cluster.this.broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size == 20
    error_message = "after creation storage autoscaling owns the volume size: a new initial size changes nothing (ignore_changes)"
  }
}
