mock_data "aws_caller_identity" {
  defaults = { account_id = "111111111111" }
}

mock_data "aws_partition" {
  defaults = { partition = "aws", dns_suffix = "amazonaws.com" }
}

mock_data "aws_iam_policy_document" {
  defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
}

mock_resource "aws_iam_openid_connect_provider" {
  defaults = { arn = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }
}

mock_resource "aws_iam_policy" {
  defaults = { arn = "arn:aws:iam::111111111111:policy/mock" }
}
