# Shared by every test file of the module: us-east-1, account 111111111111,
# four AZs to choose from, fixed ARNs for the flow-log group and role.

mock_data "aws_availability_zones" {
  defaults = {
    names = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"]
  }
}

mock_data "aws_region" {
  defaults = {
    name = "us-east-1"
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "111111111111"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition = "aws"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-flow-logs/ecom-dev-us-east-1"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-vpc-flow-logs"
  }
}

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}
