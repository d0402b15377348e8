# Shared by the module's tests: account 333333333333 in us-east-1, fixed ARNs
# for the topic and its key (runs use `command = apply` on the mocked provider
# so that these are known).

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "333333333333"
  }
}

mock_data "aws_region" {
  defaults = {
    name = "us-east-1"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition  = "aws"
    dns_suffix = "amazonaws.com"
  }
}

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_resource "aws_sns_topic" {
  defaults = {
    arn = "arn:aws:sns:us-east-1:333333333333:cost-alerts"
  }
}

mock_resource "aws_kms_key" {
  defaults = {
    arn = "arn:aws:kms:us-east-1:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }
}

mock_resource "aws_ce_anomaly_monitor" {
  defaults = {
    arn = "arn:aws:ce::333333333333:anomalymonitor/5f1e2d3c-0000-4000-8000-000000000001"
  }
}
