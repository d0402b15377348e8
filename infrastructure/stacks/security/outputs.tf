output "logs_kms_key_arn" {
  description = "Key of the logs data class (CloudWatch Logs, VPC flow logs; input of the network stack)."
  value       = module.kms.key_arns["logs"]
}

output "data_kms_key_arn" {
  description = "Key of the data class (RDS, ElastiCache, MSK, OpenSearch, EBS)."
  value       = module.kms.key_arns["data"]
}

output "secrets_kms_key_arn" {
  description = "Key of the secrets class (Secrets Manager)."
  value       = module.kms.key_arns["secrets"]
}

output "kms_alias_arns" {
  description = "Alias ARN of each data class's key."
  value       = module.kms.alias_arns
}

output "guardduty_detector_id" {
  description = "GuardDuty detector of the region; null when security.guardduty is false."
  value       = module.regional_security.guardduty_detector_id
}

output "access_analyzer_arn" {
  description = "IAM Access Analyzer (ACCOUNT) of the region."
  value       = module.regional_security.access_analyzer_arn
}
