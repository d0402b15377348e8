# Account 111111111111; the region comes from each run (override_data in the runs that need another).
mock_data "aws_caller_identity" {
  defaults = { account_id = "111111111111" }
}

mock_data "aws_region" {
  defaults = { name = "us-east-1" }
}

mock_data "aws_partition" {
  defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
}

mock_data "aws_iam_policy_document" {
  defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
}

mock_resource "aws_guardduty_detector" {
  defaults = { id = "12abc34d567e8fa901bc2d34e56789f0" }
}

mock_resource "aws_kms_key" {
  defaults = { arn = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000" }
}
