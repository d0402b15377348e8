output "topic_arn" {
  description = "ARN of the KMS-encrypted SNS topic the budget and anomaly alerts go to."
  value       = aws_sns_topic.this.arn
}

output "kms_key_arn" {
  description = "ARN of the topic's KMS key."
  value       = module.kms.key_arns["cost-alerts"]
}

output "budget_name" {
  description = "Name of the monthly budget."
  value       = aws_budgets_budget.this.name
}

output "budget_limit_usd" {
  description = "The monthly limit in USD."
  value       = var.budget.monthly_limit_usd
}

output "notifications" {
  description = "The budget's notifications: type (FORECASTED/ACTUAL) and threshold (percent)."
  value       = local.notifications
}

output "anomaly_monitor_arn" {
  description = "ARN of the Cost Anomaly Detection monitor (services)."
  value       = aws_ce_anomaly_monitor.this.arn
}

output "anomaly_subscription_arn" {
  description = "ARN of the anomaly subscription (alerts to the topic)."
  value       = aws_ce_anomaly_subscription.this.arn
}

output "cost_allocation_tags" {
  description = "Tag keys activated for cost allocation."
  value       = sort(keys(aws_ce_cost_allocation_tag.this))
}
