output "audit_bucket_name" {
  description = "Audit bucket: CloudTrail under cloudtrail/, AWS Config of every region under config/<region>/ (input of the security stacks)."
  value       = module.audit.bucket_name
}

output "config_role_arn" {
  description = "Role the AWS Config recorders of every region use (input of the security stacks)."
  value       = module.audit.config_role_arn
}

output "cloudtrail_arn" {
  description = "The environment's multi-region trail."
  value       = module.audit.cloudtrail_arn
}

output "audit_kms_key_arn" {
  description = "Key of the trail and the audit bucket."
  value       = module.audit.kms_key_arn
}

output "oidc_provider_arn" {
  description = "GitHub Actions OIDC provider of the account."
  value       = module.github_oidc.provider_arn
}

output "github_plan_role_arn" {
  description = "Role GitHub Actions assumes to plan (pull requests, main)."
  value       = module.github_oidc.plan_role_arn
}

output "github_apply_role_arn" {
  description = "Role GitHub Actions assumes to apply (the environment's deployment environment only)."
  value       = module.github_oidc.apply_role_arn
}

output "cost_alerts_topic_arn" {
  description = "KMS-encrypted SNS topic of the budget and cost anomaly alerts."
  value       = module.cost_controls.topic_arn
}

output "budget_name" {
  description = "The environment's monthly cost budget (alerts at 80% and 100% of the forecast)."
  value       = module.cost_controls.budget_name
}
