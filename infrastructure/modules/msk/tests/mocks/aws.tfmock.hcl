# Shared by every test file of the module: a cluster ARN of the real shape
# (the client policies derive topic and group ARNs from it).

mock_resource "aws_msk_cluster" {
  defaults = {
    arn                        = "arn:aws:kafka:us-east-1:111111111111:cluster/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2"
    cluster_uuid               = "5a6b7c8d-1111-2222-3333-444455556666-2"
    bootstrap_brokers_sasl_iam = "b-1.ecom-dev-us-east-1-events.abc.c2.kafka.us-east-1.amazonaws.com:9098"
  }
}

mock_resource "aws_msk_configuration" {
  defaults = {
    arn             = "arn:aws:kafka:us-east-1:111111111111:configuration/ecom-dev-us-east-1-events/0a0b0c0d-1111-2222-3333-444455556666-1"
    latest_revision = 1
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-events-replicator"
  }
}

mock_resource "aws_iam_policy" {
  defaults = {
    arn = "arn:aws:iam::111111111111:policy/ecom-dev-us-east-1-events-client"
  }
}
