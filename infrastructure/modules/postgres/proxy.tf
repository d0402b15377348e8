# RDS Proxy in front of the primary: connection pooling, TLS required, IAM
# authentication of clients; it reads the RDS-managed master secret.

data "aws_iam_policy_document" "proxy_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["rds.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "proxy" {
  count = local.proxy ? 1 : 0

  statement {
    sid       = "MasterSecret"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [aws_db_instance.primary[0].master_user_secret[0].secret_arn]
  }

  statement {
    sid       = "DecryptMasterSecret"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${data.aws_region.current.name}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "proxy" {
  count = local.proxy ? 1 : 0

  name               = "${local.identifier}-proxy"
  description        = "RDS Proxy ${local.identifier}: reads the master secret"
  assume_role_policy = data.aws_iam_policy_document.proxy_assume.json

  tags = { Name = "${local.identifier}-proxy" }
}

resource "aws_iam_role_policy" "proxy" {
  count = local.proxy ? 1 : 0

  name   = "master-secret"
  role   = aws_iam_role.proxy[0].id
  policy = data.aws_iam_policy_document.proxy[0].json
}

resource "aws_db_proxy" "this" {
  count = local.proxy ? 1 : 0

  name                   = local.identifier
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy[0].arn
  vpc_subnet_ids         = var.subnet_ids
  vpc_security_group_ids = [aws_security_group.proxy[0].id]
  require_tls            = true
  idle_client_timeout    = 1800
  debug_logging          = false

  auth {
    auth_scheme = "SECRETS"
    description = "RDS-managed master secret"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_db_instance.primary[0].master_user_secret[0].secret_arn
  }

  tags = { Name = local.identifier }

  depends_on = [aws_iam_role_policy.proxy]
}

resource "aws_db_proxy_default_target_group" "this" {
  count = local.proxy ? 1 : 0

  db_proxy_name = aws_db_proxy.this[0].name

  connection_pool_config {
    max_connections_percent      = 90
    max_idle_connections_percent = 30
    connection_borrow_timeout    = 120
    session_pinning_filters      = ["EXCLUDE_VARIABLE_SETS"]
  }
}

resource "aws_db_proxy_target" "this" {
  count = local.proxy ? 1 : 0

  db_proxy_name          = aws_db_proxy.this[0].name
  target_group_name      = "default" # the proxy's default target group, configured above
  db_instance_identifier = aws_db_instance.primary[0].identifier

  depends_on = [aws_db_proxy_default_target_group.this]
}
