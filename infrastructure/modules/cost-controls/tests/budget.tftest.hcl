# The budget, its alerts, anomaly detection and the allocation tags, per
# environment. `command = apply` on the mocked provider (nothing is created)
# so that the topic and key ARNs are known.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name_prefix  = "ecom-prod"
  budget       = { monthly_limit_usd = 14000 }
  alert_emails = ["finops@example.com", "platform@example.com"]
}

run "forecast_alerts_at_80_and_100_percent" {
  command = apply

  assert {
    condition     = aws_budgets_budget.this.name == "ecom-prod-monthly" && aws_budgets_budget.this.budget_type == "COST" && aws_budgets_budget.this.time_unit == "MONTHLY"
    error_message = "one monthly COST budget named <prefix>-monthly"
  }

  assert {
    condition     = aws_budgets_budget.this.limit_amount == "14000.00" && aws_budgets_budget.this.limit_unit == "USD"
    error_message = "the limit is the environment's monthly_limit_usd in USD"
  }

  assert {
    condition = toset([for n in aws_budgets_budget.this.notification : "${n.notification_type}:${n.threshold}" if n.threshold_type == "PERCENTAGE"]) == toset([
      "FORECASTED:80", "FORECASTED:100", "ACTUAL:100",
    ])
    error_message = "alerts at 80% and 100% of the forecast, and at 100% of actual spend"
  }

  assert {
    condition     = alltrue([for n in aws_budgets_budget.this.notification : n.subscriber_sns_topic_arns == toset([aws_sns_topic.this.arn]) && n.comparison_operator == "GREATER_THAN"])
    error_message = "every budget notification goes to the alert topic"
  }
}

run "topic_is_kms_encrypted_and_subscribed" {
  command = apply

  assert {
    condition     = aws_sns_topic.this.name == "ecom-prod-cost-alerts" && aws_sns_topic.this.kms_master_key_id == module.kms.key_arns["cost-alerts"]
    error_message = "the alert topic is encrypted with its own KMS key"
  }

  assert {
    condition     = toset(keys(aws_sns_topic_subscription.email)) == toset(["finops@example.com", "platform@example.com"]) && alltrue([for s in aws_sns_topic_subscription.email : s.protocol == "email"])
    error_message = "one email subscription per alert address"
  }

  assert {
    condition     = anytrue([for s in module.kms.policy_statements["cost-alerts"] : s.sid == "ExtraServicePrincipals" && toset(one(s.principals).identifiers) == toset(["budgets.amazonaws.com", "costalerts.amazonaws.com"])])
    error_message = "Budgets and Cost Anomaly Detection may use the topic's key"
  }
}

run "anomaly_detection_to_the_topic" {
  command = apply

  assert {
    condition     = aws_ce_anomaly_monitor.this.monitor_type == "DIMENSIONAL" && aws_ce_anomaly_monitor.this.monitor_dimension == "SERVICE"
    error_message = "one dimensional monitor over services"
  }

  assert {
    condition     = aws_ce_anomaly_subscription.this.frequency == "IMMEDIATE" && one(aws_ce_anomaly_subscription.this.subscriber).type == "SNS" && one(aws_ce_anomaly_subscription.this.subscriber).address == aws_sns_topic.this.arn
    error_message = "anomalies go to the topic immediately"
  }

  assert {
    condition     = one(one(aws_ce_anomaly_subscription.this.threshold_expression).dimension).values == toset(["100"])
    error_message = "the default anomaly threshold is 100 USD of total impact"
  }
}

run "cost_allocation_tags_are_the_common_tags" {
  command = apply

  assert {
    condition     = toset(keys(aws_ce_cost_allocation_tag.this)) == toset(["Environment", "Region", "Stack", "Owner", "CostCenter", "Project"]) && alltrue([for t in aws_ce_cost_allocation_tag.this : t.status == "Active"])
    error_message = "the common tag keys are active cost allocation tags"
  }
}

run "development_sizing" {
  command = apply

  variables {
    name_prefix  = "ecom-dev"
    budget       = { monthly_limit_usd = 1200, forecast_thresholds = [80, 100], actual_thresholds = [], anomaly_threshold_usd = 25 }
    alert_emails = []
  }

  assert {
    condition     = aws_budgets_budget.this.limit_amount == "1200.00" && length(aws_budgets_budget.this.notification) == 2
    error_message = "dev: a 1,200 USD budget with the two forecast alerts only"
  }

  assert {
    condition     = length(aws_sns_topic_subscription.email) == 0 && one(one(aws_ce_anomaly_subscription.this.threshold_expression).dimension).values == toset(["25"])
    error_message = "dev: no email subscribers; anomalies from 25 USD"
  }
}
