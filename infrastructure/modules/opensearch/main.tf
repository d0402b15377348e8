data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  domain_arn = "arn:${local.partition}:es:${local.region}:${local.account_id}:domain/${var.name}"

  az_count       = var.cluster.az_count
  zone_awareness = local.az_count > 1
  masters        = var.cluster.master_count > 0

  # Every log type goes to its own KMS-encrypted group. AUDIT_LOGS needs
  # fine-grained access control, which is always on here.
  log_types = {
    application = "ES_APPLICATION_LOGS"
    index-slow  = "INDEX_SLOW_LOGS"
    search-slow = "SEARCH_SLOW_LOGS"
    audit       = "AUDIT_LOGS"
  }

  master_user_arn = coalesce(var.master_user_arn, try(aws_iam_role.master[0].arn, null))

  # TLS 1.2 or later with perfect forward secrecy only.
  tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"

  production_ok = {
    az_count      = local.az_count == 3
    masters       = var.cluster.master_count >= 3
    data_nodes    = var.cluster.instance_count >= 3 && var.cluster.instance_count % 3 == 0
    not_burstable = !can(regex("^t[0-9]", var.cluster.instance_type))
    volume        = var.cluster.volume_size_gib >= 100
  }
}

resource "aws_security_group" "this" {
  name        = "${var.name}-opensearch"
  description = "OpenSearch domain ${var.name}: HTTPS from the workload nodes only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-opensearch" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = { for i, sg in var.client_security_group_ids : tostring(i) => sg }

  security_group_id            = aws_security_group.this.id
  description                  = "HTTPS from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = each.value

  tags = merge(var.tags, { Name = "${var.name}-opensearch-clients-${each.key}" })
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = local.log_types

  name              = "/aws/opensearch/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid       = "OpenSearchLogs"
    actions   = ["logs:PutLogEvents", "logs:CreateLogStream"]
    resources = [for g in aws_cloudwatch_log_group.this : "${g.arn}:*"]

    principals {
      type        = "Service"
      identifiers = ["es.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [local.domain_arn]
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "this" {
  policy_name     = "${var.name}-opensearch-logs"
  policy_document = data.aws_iam_policy_document.logs.json
}

data "aws_iam_policy_document" "master_trust" {
  count = var.master_user_arn == null ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "master" {
  count = var.master_user_arn == null ? 1 : 0

  #checkov:skip=CKV_AWS_61:Trusts this account only (its root principal): just the principals whose own IAM policies allow sts:AssumeRole on this role can assume it; no other account, no service.

  name               = "${var.name}-opensearch-admin"
  description        = "Fine-grained access control master user of the OpenSearch domain ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.master_trust[0].json

  tags = var.tags
}

# The domain policy lets IAM principals of the account send requests; what
# each may do inside the domain is decided by fine-grained access control
# (roles mapped to IAM ARNs), whose master user is local.master_user_arn.
data "aws_iam_policy_document" "access" {
  statement {
    sid       = "AccountPrincipals"
    actions   = ["es:ESHttp*"]
    resources = ["${local.domain_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }
}

resource "aws_opensearch_domain" "this" {
  domain_name     = var.name
  engine_version  = var.engine_version
  access_policies = data.aws_iam_policy_document.access.json

  cluster_config {
    instance_type                 = var.cluster.instance_type
    instance_count                = var.cluster.instance_count
    zone_awareness_enabled        = local.zone_awareness
    dedicated_master_enabled      = local.masters
    dedicated_master_type         = local.masters ? var.cluster.master_instance_type : null
    dedicated_master_count        = local.masters ? var.cluster.master_count : null
    multi_az_with_standby_enabled = false

    dynamic "zone_awareness_config" {
      for_each = local.zone_awareness ? [local.az_count] : []

      content {
        availability_zone_count = zone_awareness_config.value
      }
    }
  }

  ebs_options {
    ebs_enabled = true
    volume_type = "gp3"
    volume_size = var.cluster.volume_size_gib
    iops        = var.cluster.volume_iops
    throughput  = var.cluster.volume_throughput_mib
  }

  vpc_options {
    subnet_ids         = slice(var.subnet_ids, 0, local.az_count)
    security_group_ids = [aws_security_group.this.id]
  }

  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.kms_key_arn
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = local.tls_security_policy
  }

  advanced_security_options {
    enabled                        = true
    anonymous_auth_enabled         = false
    internal_user_database_enabled = false

    master_user_options {
      master_user_arn = local.master_user_arn
    }
  }

  dynamic "log_publishing_options" {
    for_each = local.log_types

    content {
      log_type                 = log_publishing_options.value
      cloudwatch_log_group_arn = aws_cloudwatch_log_group.this[log_publishing_options.key].arn
      enabled                  = true
    }
  }

  software_update_options {
    auto_software_update_enabled = true
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = length(var.subnet_ids) >= local.az_count
      error_message = "The domain spans ${local.az_count} AZs but only ${length(var.subnet_ids)} subnets were given."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.az_count
      error_message = "A production domain must span 3 AZs (cluster.az_count = 3)."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.masters
      error_message = "A production domain needs dedicated masters (cluster.master_count = 3 or 5)."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.data_nodes
      error_message = "A production domain needs at least 3 data nodes, a multiple of 3 (one share per AZ)."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.not_burstable
      error_message = "A production domain must not use burstable (t*) data instances."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.volume
      error_message = "A production domain needs data volumes of at least 100 GiB."
    }
  }

  depends_on = [aws_cloudwatch_log_resource_policy.this]
}
