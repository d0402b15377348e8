# Tags (the module adds only Name, Tier and the EKS discovery tags) and flow logs.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                  = "ecom-dev-us-east-1"
  vpc_cidr              = "10.10.0.0/16"
  flow_logs_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "tags" {
  command = plan

  variables {
    tags        = { Component = "network" }
    subnet_tags = { private = { "karpenter.sh/discovery" = "ecom-dev" } }
  }

  assert {
    condition = aws_subnet.public["us-east-1a"].tags == tomap({
      Component                = "network"
      Name                     = "ecom-dev-us-east-1-public-us-east-1a"
      Tier                     = "public"
      "kubernetes.io/role/elb" = "1"
    })
    error_message = "public subnet tags are wrong: ${jsonencode(aws_subnet.public["us-east-1a"].tags)}"
  }

  assert {
    condition = aws_subnet.private["us-east-1b"].tags == tomap({
      Component                         = "network"
      Name                              = "ecom-dev-us-east-1-private-us-east-1b"
      Tier                              = "private"
      "kubernetes.io/role/internal-elb" = "1"
      "karpenter.sh/discovery"          = "ecom-dev"
    })
    error_message = "private subnet tags are wrong: ${jsonencode(aws_subnet.private["us-east-1b"].tags)}"
  }

  assert {
    condition     = aws_subnet.data["us-east-1c"].tags == tomap({ Component = "network", Name = "ecom-dev-us-east-1-data-us-east-1c", Tier = "data" })
    error_message = "data subnets carry Name and Tier only (no load balancer role)"
  }

  assert {
    condition     = aws_vpc.this.tags == tomap({ Component = "network", Name = "ecom-dev-us-east-1" })
    error_message = "the VPC carries the given tags and its Name only"
  }
}

run "flow_logs" {
  command = plan

  variables {
    flow_log_retention_days = 30
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs.kms_key_id == var.flow_logs_kms_key_arn
    error_message = "the flow-log group must be encrypted with the given KMS key"
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs.retention_in_days == 30 && output.flow_log_group_name == "/aws/vpc-flow-logs/ecom-dev-us-east-1"
    error_message = "the flow-log group must use the given retention and its documented name"
  }

  assert {
    condition     = aws_flow_log.this.traffic_type == "ALL" && aws_flow_log.this.log_destination_type == "cloud-watch-logs"
    error_message = "flow logs must capture ALL traffic into CloudWatch Logs"
  }

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.flow_logs_trust.statement : anytrue([for p in s.principals : contains(p.identifiers, "vpc-flow-logs.amazonaws.com")]) && anytrue([
        for c in s.condition : c.variable == "aws:SourceAccount" && c.values == tolist(["111111111111"])
      ])
    ])
    error_message = "only vpc-flow-logs.amazonaws.com of this account may assume the role"
  }

  assert {
    condition     = jsonencode(sort(one(data.aws_iam_policy_document.flow_logs.statement).actions)) == jsonencode(["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"])
    error_message = "the flow-log role may only write streams and events"
  }

  assert {
    condition     = aws_iam_role.flow_logs.name == "ecom-dev-us-east-1-vpc-flow-logs"
    error_message = "the flow-log role name must be derived from name"
  }
}
