# The data layer's PostgreSQL resource types: subnet group, parameter group,
# a Multi-AZ primary with a managed master password, Performance Insights,
# enhanced monitoring, IAM auth and storage autoscaling, a read replica, an
# RDS Proxy (default target group, target) in front of the primary, and a
# cross-region read replica in us-west-2 (its own subnet group, parameter
# group and KMS key), as the prod postgres stacks build them.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

resource "aws_vpc" "this" {
  cidr_block = "10.30.0.0/16"

  tags = { Name = "${var.name}-data-vpc" }
}

resource "aws_subnet" "data" {
  for_each = { for i, az in local.azs : az => i }

  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.this.cidr_block, 8, each.value + 20)

  tags = { Name = "${var.name}-data-${each.key}", Tier = "data" }
}

resource "aws_security_group" "postgres" {
  name        = "${var.name}-postgres"
  description = "PostgreSQL clients"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name}-postgres" }
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id = aws_security_group.postgres.id
  description       = "PostgreSQL from the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = aws_vpc.this.cidr_block
}

resource "aws_kms_key" "data" {
  description             = "${var.name} data layer"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_db_subnet_group" "this" {
  name        = "${var.name}-postgres"
  description = "PostgreSQL subnets"
  subnet_ids  = [for s in aws_subnet.data : s.id]
}

resource "aws_db_parameter_group" "this" {
  name        = "${var.name}-postgres16"
  family      = "postgres16"
  description = "PostgreSQL 16 parameters"

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "max_connections"
    value        = "400"
    apply_method = "pending-reboot"
  }
}

data "aws_iam_policy_document" "monitoring_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "monitoring" {
  name               = "${var.name}-rds-monitoring"
  assume_role_policy = data.aws_iam_policy_document.monitoring_assume.json
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "primary" {
  identifier     = "${var.name}-postgres"
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.r6g.large"

  allocated_storage     = 100
  max_allocated_storage = 500
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.data.arn

  db_name                       = "app"
  username                      = "app_admin"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.data.arn

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.postgres.id]
  parameter_group_name   = aws_db_parameter_group.this.name

  iam_database_authentication_enabled   = true
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.data.arn
  performance_insights_retention_period = 7
  monitoring_interval                   = 60
  monitoring_role_arn                   = aws_iam_role.monitoring.arn

  backup_retention_period = 7
  backup_window           = "03:00-04:00"
  maintenance_window      = "sun:05:00-sun:06:00"

  deletion_protection = false
  skip_final_snapshot = true

  depends_on = [aws_iam_role_policy_attachment.monitoring]
}

resource "aws_db_instance" "replica" {
  identifier          = "${var.name}-postgres-replica"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.r6g.large"

  storage_encrypted      = true
  kms_key_id             = aws_kms_key.data.arn
  vpc_security_group_ids = [aws_security_group.postgres.id]
  parameter_group_name   = aws_db_parameter_group.this.name

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.data.arn
  performance_insights_retention_period = 7
  monitoring_interval                   = 60
  monitoring_role_arn                   = aws_iam_role.monitoring.arn

  deletion_protection = false
  skip_final_snapshot = true
}

# --- RDS Proxy ------------------------------------------------------------------

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
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_db_instance.primary.master_user_secret[0].secret_arn]
  }
}

resource "aws_iam_role" "proxy" {
  name               = "${var.name}-rds-proxy"
  assume_role_policy = data.aws_iam_policy_document.proxy_assume.json
}

resource "aws_iam_role_policy" "proxy" {
  name   = "master-secret"
  role   = aws_iam_role.proxy.id
  policy = data.aws_iam_policy_document.proxy.json
}

resource "aws_db_proxy" "this" {
  name                   = "${var.name}-postgres"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy.arn
  vpc_subnet_ids         = [for s in aws_subnet.data : s.id]
  vpc_security_group_ids = [aws_security_group.postgres.id]
  require_tls            = true
  idle_client_timeout    = 1800

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_db_instance.primary.master_user_secret[0].secret_arn
  }
}

resource "aws_db_proxy_default_target_group" "this" {
  db_proxy_name = aws_db_proxy.this.name

  connection_pool_config {
    max_connections_percent      = 90
    max_idle_connections_percent = 30
    connection_borrow_timeout    = 120
    session_pinning_filters      = ["EXCLUDE_VARIABLE_SETS"]
  }
}

resource "aws_db_proxy_target" "this" {
  db_proxy_name          = aws_db_proxy.this.name
  target_group_name      = "default"
  db_instance_identifier = aws_db_instance.primary.identifier

  depends_on = [aws_db_proxy_default_target_group.this]
}

# --- cross-region read replica (us-west-2) ------------------------------------------

provider "aws" {
  alias  = "west"
  region = "us-west-2"

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "emulator-conformance"
    }
  }
}

resource "aws_vpc" "west" {
  provider = aws.west

  cidr_block = "10.31.0.0/16"

  tags = { Name = "${var.name}-data-west" }
}

resource "aws_subnet" "west" {
  provider = aws.west
  for_each = { "us-west-2a" = 0, "us-west-2b" = 1 }

  vpc_id            = aws_vpc.west.id
  availability_zone = each.key
  cidr_block        = cidrsubnet(aws_vpc.west.cidr_block, 8, each.value + 20)
}

resource "aws_db_subnet_group" "west" {
  provider = aws.west

  name       = "${var.name}-postgres"
  subnet_ids = [for s in aws_subnet.west : s.id]
}

resource "aws_db_parameter_group" "west" {
  provider = aws.west

  name   = "${var.name}-postgres16"
  family = "postgres16"

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }
}

resource "aws_kms_key" "west" {
  provider = aws.west

  description             = "${var.name} data layer (us-west-2)"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_db_instance" "cross_region" {
  provider = aws.west

  identifier          = "${var.name}-postgres"
  replicate_source_db = aws_db_instance.primary.arn
  instance_class      = "db.r6g.large"

  storage_encrypted    = true
  kms_key_id           = aws_kms_key.west.arn
  db_subnet_group_name = aws_db_subnet_group.west.name
  parameter_group_name = aws_db_parameter_group.west.name
  multi_az             = true

  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.west.arn

  deletion_protection = false
  skip_final_snapshot = true
}
