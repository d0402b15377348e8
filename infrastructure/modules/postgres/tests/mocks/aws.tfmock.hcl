mock_data "aws_region" {
  defaults = {
    name = "us-east-1"
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

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::111111111111:role/mock"
  }
}

mock_resource "aws_security_group" {
  defaults = {
    id = "sg-0123456789abcdef0"
  }
}

mock_resource "aws_db_instance" {
  defaults = {
    arn = "arn:aws:rds:us-east-1:111111111111:db:mock"
    master_user_secret = [{
      secret_arn    = "arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-mock-AbCdEf"
      kms_key_id    = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
      secret_status = "active"
    }]
  }
}
