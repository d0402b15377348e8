output "plan_name" {
  description = "Backup plan name; data stores join it with the tag Backup = <plan_name>."
  value       = module.backup.plan_name
}

output "vault_name" {
  description = "This region's backup vault."
  value       = module.backup.vault_name
}

output "vault_arn" {
  description = "ARN of this region's backup vault."
  value       = module.backup.vault_arn
}
