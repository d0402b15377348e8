# The search layer's resource types in the production shape: a VPC-only
# OpenSearch domain over three AZs with zone awareness and three dedicated
# masters, gp3 volumes, encryption at rest (KMS) and node to node, HTTPS only
# with TLS 1.2+, fine-grained access control with an IAM master role (no
# internal users, no password), four log types to KMS-encrypted log groups
# with the log resource policy, and an HTTPS-only security group.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs    = slice(data.aws_availability_zones.available.names, 0, 3)
  domain = "${var.name}-search"
  logs   = { application = "ES_APPLICATION_LOGS", index-slow = "INDEX_SLOW_LOGS", search-slow = "SEARCH_SLOW_LOGS", audit = "AUDIT_LOGS" }
}

resource "aws_vpc" "this" {
  cidr_block = "10.50.0.0/16"

  tags = { Name = "${var.name}-search-vpc" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in local.azs : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value + 20)

  tags = { Name = "${var.name}-search-${each.key}", Tier = "data" }
}

resource "aws_security_group" "workload" {
  name        = "${var.name}-search-workload"
  description = "Workload nodes"
  vpc_id      = aws_vpc.this.id
}

resource "aws_security_group" "search" {
  name        = "${var.name}-search"
  description = "OpenSearch: HTTPS from workload nodes"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "search" {
  security_group_id            = aws_security_group.search.id
  description                  = "HTTPS from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.workload.id
}

resource "aws_kms_key" "this" {
  description             = "${var.name} search data and logs"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_cloudwatch_log_group" "search" {
  for_each = local.logs

  name              = "/aws/opensearch/${local.domain}/${each.key}"
  retention_in_days = 7
  kms_key_id        = aws_kms_key.this.arn
}

data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:PutLogEvents", "logs:CreateLogStream"]
    resources = [for g in aws_cloudwatch_log_group.search : "${g.arn}:*"]

    principals {
      type        = "Service"
      identifiers = ["es.amazonaws.com"]
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "search" {
  policy_name     = "${local.domain}-logs"
  policy_document = data.aws_iam_policy_document.logs.json
}

resource "aws_iam_role" "admin" {
  name = "${local.domain}-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
    }]
  })
}

resource "aws_opensearch_domain" "this" {
  domain_name    = local.domain
  engine_version = "OpenSearch_2.19"
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "es:ESHttp*"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      Resource  = "arn:${data.aws_partition.current.partition}:es:${var.region}:${data.aws_caller_identity.current.account_id}:domain/${local.domain}/*"
    }]
  })

  cluster_config {
    instance_type                 = "r7g.large.search"
    instance_count                = 3
    zone_awareness_enabled        = true
    dedicated_master_enabled      = true
    dedicated_master_type         = "m7g.large.search"
    dedicated_master_count        = 3
    multi_az_with_standby_enabled = false

    zone_awareness_config {
      availability_zone_count = 3
    }
  }

  ebs_options {
    ebs_enabled = true
    volume_type = "gp3"
    volume_size = 100
    iops        = 3000
    throughput  = 125
  }

  vpc_options {
    subnet_ids         = [for az in local.azs : aws_subnet.data[az].id]
    security_group_ids = [aws_security_group.search.id]
  }

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.this.arn
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  advanced_security_options {
    enabled                        = true
    anonymous_auth_enabled         = false
    internal_user_database_enabled = false

    master_user_options {
      master_user_arn = aws_iam_role.admin.arn
    }
  }

  dynamic "log_publishing_options" {
    for_each = local.logs

    content {
      log_type                 = log_publishing_options.value
      cloudwatch_log_group_arn = aws_cloudwatch_log_group.search[log_publishing_options.key].arn
    }
  }

  software_update_options {
    auto_software_update_enabled = true
  }

  depends_on = [aws_cloudwatch_log_resource_policy.search]
}
