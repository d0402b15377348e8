output "key_arns" {
  description = "ARN of the key of each data class."
  value       = { for class, key in aws_kms_key.this : class => key.arn }
}

output "key_ids" {
  description = "Id of the key of each data class."
  value       = { for class, key in aws_kms_key.this : class => key.key_id }
}

output "alias_arns" {
  description = "ARN of the alias of each data class."
  value       = { for class, alias in aws_kms_alias.this : class => alias.arn }
}

output "alias_names" {
  description = "Alias name (alias/<name_prefix>-<class>) of each data class."
  value       = { for class, alias in aws_kms_alias.this : class => alias.name }
}

output "policy_statements" {
  description = "The key policy statements of each class as rendered by aws_iam_policy_document (for reviews and plan-level tests)."
  value       = { for class, doc in data.aws_iam_policy_document.key : class => doc.statement }
}

output "deletion_window_in_days" {
  description = "Deletion window of the keys."
  value       = var.deletion_window_in_days
}
