# Cost guard rails of one environment (its own AWS account): a monthly budget
# with forecast alerts, anomaly detection, the cost allocation tags, and the
# KMS-encrypted SNS topic both alert through.

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id

  notifications = concat(
    [for t in var.budget.forecast_thresholds : { type = "FORECASTED", threshold = t }],
    [for t in var.budget.actual_thresholds : { type = "ACTUAL", threshold = t }],
  )
}

# The topic's key: Budgets and Cost Anomaly Detection publish to an encrypted
# topic only when the key lets their service principals use it.
module "kms" {
  source = "../kms"

  name_prefix             = var.name_prefix
  deletion_window_in_days = var.key_deletion_window_in_days
  keys = {
    cost-alerts = {
      description        = "Cost alert topic of ${var.name_prefix} (budgets, anomaly detection)"
      service_principals = ["budgets.amazonaws.com", "costalerts.amazonaws.com"]
    }
  }
  tags = var.tags
}

resource "aws_sns_topic" "this" {
  name              = "${var.name_prefix}-cost-alerts"
  kms_master_key_id = module.kms.key_arns["cost-alerts"]

  tags = merge(var.tags, { Name = "${var.name_prefix}-cost-alerts" })
}

# Only the two cost services may publish (for this account); the account's own
# principals are governed by their IAM policies (the topic is the account's).
data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CostServicesPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.this.arn]

    principals {
      type        = "Service"
      identifiers = ["budgets.amazonaws.com", "costalerts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "this" {
  arn    = aws_sns_topic.this.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alert_emails)

  topic_arn = aws_sns_topic.this.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_budgets_budget" "this" {
  name         = "${var.name_prefix}-monthly"
  budget_type  = "COST"
  limit_amount = format("%.2f", var.budget.monthly_limit_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  dynamic "notification" {
    for_each = local.notifications

    content {
      comparison_operator       = "GREATER_THAN"
      threshold                 = notification.value.threshold
      threshold_type            = "PERCENTAGE"
      notification_type         = notification.value.type
      subscriber_sns_topic_arns = [aws_sns_topic.this.arn]
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-monthly" })

  depends_on = [aws_sns_topic_policy.this]
}

# One dimensional SERVICE monitor per account (AWS allows one).
resource "aws_ce_anomaly_monitor" "this" {
  name              = "${var.name_prefix}-services"
  monitor_type      = "DIMENSIONAL"
  monitor_dimension = "SERVICE"

  tags = merge(var.tags, { Name = "${var.name_prefix}-services" })
}

resource "aws_ce_anomaly_subscription" "this" {
  name             = "${var.name_prefix}-anomalies"
  frequency        = "IMMEDIATE"
  monitor_arn_list = [aws_ce_anomaly_monitor.this.arn]

  subscriber {
    type    = "SNS"
    address = aws_sns_topic.this.arn
  }

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = [format("%.0f", var.budget.anomaly_threshold_usd)]
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-anomalies" })

  depends_on = [aws_sns_topic_policy.this]
}

# On AWS a key can be activated once it has been seen on a resource of the
# account (the common tags are on every resource from the first apply on).
resource "aws_ce_cost_allocation_tag" "this" {
  for_each = toset(var.cost_allocation_tags)

  tag_key = each.value
  status  = "Active"
}
