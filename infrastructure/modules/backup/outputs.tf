output "plan_name" {
  description = "Name of the backup plan; data stores join it with the tag Backup = <plan_name>."
  value       = aws_backup_plan.this.name
}

output "plan_id" {
  description = "Id of the backup plan."
  value       = aws_backup_plan.this.id
}

output "vault_name" {
  description = "Name of this region's backup vault."
  value       = aws_backup_vault.this.name
}

output "vault_arn" {
  description = "ARN of this region's backup vault (the other region copies into it)."
  value       = aws_backup_vault.this.arn
}

output "role_arn" {
  description = "IAM role AWS Backup assumes for the selection (and for restores)."
  value       = aws_iam_role.this.arn
}
