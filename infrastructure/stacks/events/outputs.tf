# Outputs for the other layers (EKS workloads attach the client policies) and
# for the secondary region's replicator (events@primary.*).

output "cluster_arn" {
  description = "ARN of the MSK cluster."
  value       = module.msk.cluster_arn
}

output "cluster_name" {
  description = "Name of the MSK cluster."
  value       = module.msk.cluster_name
}

output "bootstrap_brokers_sasl_iam" {
  description = "Bootstrap brokers for SASL/IAM clients (port 9098)."
  value       = module.msk.bootstrap_brokers_sasl_iam
}

output "subnet_ids" {
  description = "The brokers' client subnets (the replicator's source side in the other region)."
  value       = module.msk.subnet_ids
}

output "security_group_id" {
  description = "Security group of the brokers."
  value       = module.msk.security_group_id
}

output "replicator_security_group_ids" {
  description = "Security group for the MSK Replicator's interfaces in this VPC; empty when the environment does not replicate."
  value       = compact([module.msk.replicator_security_group_id])
}

output "replicator_arn" {
  description = "ARN of the MSK Replicator into this region's cluster; empty outside the secondary region of a replicating environment."
  value       = module.msk.replicator_arn == null ? "" : module.msk.replicator_arn
}

output "client_policy_arns" {
  description = "IAM policy per `<service>-producer` / `<service>-consumer`, for the services' roles."
  value       = module.msk.client_policy_arns
}

output "topic_admin_policy_arn" {
  description = "IAM policy of the principal that applies events/topics.json."
  value       = module.msk.topic_admin_policy_arn
}

output "schema_registry_arn" {
  description = "ARN of the Glue schema registry."
  value       = module.schema_registry.registry_arn
}

output "schema_arns" {
  description = "ARN of each event schema, by name."
  value       = module.schema_registry.schema_arns
}
