# Shared by every test file of the module: us-east-1, account 111111111111,
# fixed ARNs where the module builds on them.

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

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_resource "aws_eks_cluster" {
  defaults = {
    arn      = "arn:aws:eks:us-east-1:111111111111:cluster/ecom-dev-us-east-1"
    endpoint = "https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-mock"
  }
}

mock_resource "aws_launch_template" {
  defaults = {
    id             = "lt-0a1b2c3d4e5f67890"
    latest_version = 1
  }
}

mock_resource "aws_security_group" {
  defaults = {
    id = "sg-0123456789abcdef0"
  }
}

mock_resource "aws_eks_node_group" {
  defaults = {
    resources = [{
      autoscaling_groups              = [{ name = "eks-mock-0a1b2c3d" }]
      remote_access_security_group_id = ""
    }]
  }
}
