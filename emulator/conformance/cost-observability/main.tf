# Cost and observability guard rails: an SNS topic for alerts, a monthly cost
# budget with forecast notifications at 80% and 100%, Cost Explorer anomaly
# detection (monitor + subscription to the topic) and an X-Ray sampling rule.

resource "aws_sns_topic" "cost_alerts" {
  name = "${var.name}-cost-alerts"
}

resource "aws_budgets_budget" "monthly" {
  name         = "${var.name}-monthly"
  budget_type  = "COST"
  limit_amount = "1000"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator       = "GREATER_THAN"
    threshold                 = 80
    threshold_type            = "PERCENTAGE"
    notification_type         = "FORECASTED"
    subscriber_sns_topic_arns = [aws_sns_topic.cost_alerts.arn]
  }

  notification {
    comparison_operator       = "GREATER_THAN"
    threshold                 = 100
    threshold_type            = "PERCENTAGE"
    notification_type         = "FORECASTED"
    subscriber_sns_topic_arns = [aws_sns_topic.cost_alerts.arn]
  }

  tags = { Name = "${var.name}-monthly" }
}

resource "aws_ce_anomaly_monitor" "services" {
  name              = "${var.name}-services"
  monitor_type      = "DIMENSIONAL"
  monitor_dimension = "SERVICE"

  tags = { Name = "${var.name}-services" }
}

resource "aws_ce_anomaly_subscription" "alerts" {
  name             = "${var.name}-anomalies"
  frequency        = "IMMEDIATE"
  monitor_arn_list = [aws_ce_anomaly_monitor.services.arn]

  subscriber {
    type    = "SNS"
    address = aws_sns_topic.cost_alerts.arn
  }

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = ["100"]
    }
  }

  tags = { Name = "${var.name}-anomalies" }
}

resource "aws_xray_sampling_rule" "api" {
  rule_name      = "${var.name}-api"
  priority       = 1000
  version        = 1
  reservoir_size = 1
  fixed_rate     = 0.05
  url_path       = "/api/*"
  host           = "*"
  http_method    = "*"
  service_type   = "*"
  service_name   = "${var.name}-api"
  resource_arn   = "*"

  attributes = {
    tier = "api"
  }

  tags = { Name = "${var.name}-api" }
}
