output "state_bucket_name" {
  description = "Name of this region's state bucket (the backend's `bucket`)."
  value       = module.state_bucket.bucket_name
}

output "state_kms_key_arn" {
  description = "ARN of the KMS key encrypting the state (the backend's `kms_key_id`)."
  value       = module.state_bucket.kms_key_arn
}

output "state_kms_key_alias" {
  description = "Alias of the state KMS key."
  value       = module.state_bucket.kms_alias_name
}
