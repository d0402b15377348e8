output "bucket_name" {
  description = "Name of the state bucket."
  value       = module.bucket.id
}

output "bucket_arn" {
  description = "ARN of the state bucket."
  value       = module.bucket.arn
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the bucket (the backend's `kms_key_id`)."
  value       = aws_kms_key.this.arn
}

output "kms_key_id" {
  description = "Id of the KMS key encrypting the bucket."
  value       = aws_kms_key.this.key_id
}

output "kms_alias_name" {
  description = "Alias of the KMS key."
  value       = aws_kms_alias.this.name
}

output "kms_alias_arn" {
  description = "ARN of the KMS key's alias."
  value       = aws_kms_alias.this.arn
}

output "force_destroy" {
  description = "Whether `terraform destroy` may delete the bucket with its state (false in production)."
  value       = module.bucket.configuration.force_destroy
}

output "kms_deletion_window_days" {
  description = "Deletion window of the KMS key, in days."
  value       = aws_kms_key.this.deletion_window_in_days
}
