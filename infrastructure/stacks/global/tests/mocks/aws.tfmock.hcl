# Account 111111111111 in us-east-1; policy documents render as an empty policy.
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

mock_resource "aws_kms_key" {
  defaults = { arn = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000" }
}

mock_resource "aws_s3_bucket" {
  defaults = { arn = "arn:aws:s3:::ecom-dev-audit-111111111111" }
}

mock_resource "aws_iam_openid_connect_provider" {
  defaults = { arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }
}

mock_resource "aws_iam_policy" {
  defaults = { arn = "arn:aws:iam::111111111111:policy/mock" }
}

mock_resource "aws_iam_role" {
  defaults = { arn = "arn:aws:iam::111111111111:role/mock" }
}
