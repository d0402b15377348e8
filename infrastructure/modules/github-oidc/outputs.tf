output "provider_arn" {
  description = "ARN of the GitHub OIDC provider (created or given)."
  value       = local.provider_arn
}

output "plan_role_arn" {
  description = "ARN of the read-only plan role."
  value       = aws_iam_role.plan.arn
}

output "plan_role_name" {
  description = "Name of the read-only plan role."
  value       = aws_iam_role.plan.name
}

output "apply_role_arn" {
  description = "ARN of the apply role."
  value       = aws_iam_role.apply.arn
}

output "apply_role_name" {
  description = "Name of the apply role."
  value       = aws_iam_role.apply.name
}

output "boundary_policy_arn" {
  description = "ARN of the permissions boundary of the apply role."
  value       = aws_iam_policy.boundary.arn
}

output "trusted_subjects" {
  description = "The token `sub` values each role trusts (plan, apply)."
  value       = local.trusts
}

output "policy_statements" {
  description = "Statements of the trust, plan and apply (= boundary) policies (for reviews and plan-level tests)."
  value = {
    plan_trust  = data.aws_iam_policy_document.trust["plan"].statement
    apply_trust = data.aws_iam_policy_document.trust["apply"].statement
    plan        = data.aws_iam_policy_document.plan.statement
    apply       = data.aws_iam_policy_document.apply.statement
  }
}
