output "cluster_arn" {
  description = "ARN of the MSK cluster."
  value       = aws_msk_cluster.this.arn
}

output "cluster_name" {
  description = "Name of the MSK cluster."
  value       = aws_msk_cluster.this.cluster_name
}

output "cluster_uuid" {
  description = "UUID of the cluster (part of its topic and group ARNs)."
  value       = aws_msk_cluster.this.cluster_uuid
}

output "bootstrap_brokers_sasl_iam" {
  description = "Bootstrap brokers for SASL/IAM clients (port 9098)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "bootstrap_brokers_sasl_scram" {
  description = "Bootstrap brokers for SASL/SCRAM clients (port 9096); empty unless sasl_scram."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_scram
}

output "configuration_arn" {
  description = "ARN of the cluster's MSK configuration."
  value       = aws_msk_configuration.this.arn
}

output "security_group_id" {
  description = "Security group of the brokers."
  value       = aws_security_group.this.id
}

output "subnet_ids" {
  description = "Client subnets of the brokers."
  value       = var.subnet_ids
}

output "replicator_security_group_id" {
  description = "Security group for an MSK Replicator's interfaces in this VPC (null unless created)."
  value       = try(aws_security_group.replicator[0].id, null)
}

output "replicator_arn" {
  description = "ARN of the MSK Replicator into this cluster (null without replication)."
  value       = try(aws_msk_replicator.this[0].arn, null)
}

output "replicator_role_arn" {
  description = "Service execution role of the replicator (null without replication)."
  value       = try(aws_iam_role.replicator[0].arn, null)
}

output "log_group_name" {
  description = "CloudWatch log group of the broker logs."
  value       = aws_cloudwatch_log_group.brokers.name
}

output "client_policy_arns" {
  description = "IAM policy per `<service>-producer` and `<service>-consumer`, for the services' roles."
  value       = { for k, p in aws_iam_policy.clients : k => p.arn }
}

output "client_policies" {
  description = "The client policy documents (JSON) by `<service>-<role>`."
  value       = local.client_policies
}

output "topic_admin_policy_arn" {
  description = "IAM policy of the principal that applies events/topics.json (null without topics)."
  value       = try(aws_iam_policy.topic_admin[0].arn, null)
}

output "brokers" {
  description = "The cluster's broker instance type, count and enhanced monitoring level as planned."
  value = {
    instance_type       = aws_msk_cluster.this.broker_node_group_info[0].instance_type
    count               = aws_msk_cluster.this.number_of_broker_nodes
    enhanced_monitoring = aws_msk_cluster.this.enhanced_monitoring
  }
}

output "server_properties" {
  description = "The cluster configuration's server.properties text."
  value       = aws_msk_configuration.this.server_properties
}
