# PostgreSQL on RDS: subnet and parameter groups, a security group admitting
# only the workload nodes (and the proxy and the store's own members), the
# primary with its same-region read replicas, or a cross-region read replica of
# the other region's primary. The master password is managed by RDS in Secrets
# Manager: no password exists in code, outputs or state.

data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  identifier = "${var.name}-postgres"
  port       = 5432
  major      = split(".", var.settings.engine_version)[0]
  # The current RDS CA (RSA 2048, valid to 2061): clients verify the server
  # with the regional bundle; rds-ca-2019 expired in 2024.
  ca_cert_identifier = "rds-ca-rsa2048-g1"
  family             = "postgres${local.major}"

  primary          = var.mode == "primary"
  cross_region     = var.mode == "cross_region_replica"
  has_instance     = local.primary || local.cross_region
  proxy            = local.primary && var.settings.proxy
  replica_class    = coalesce(var.settings.replica_instance_class, var.settings.instance_class)
  replica_keys     = local.primary ? [for i in range(var.settings.replica_count) : tostring(i + 1)] : []
  instance_ids     = concat(local.has_instance ? [local.identifier] : [], [for k in local.replica_keys : "${local.identifier}-replica-${k}"])
  parameter_source = jsondecode(file("${path.module}/parameters/postgres.json")).parameters

  # The parameter file plus the per-environment connection limit.
  parameters = merge(
    { for name, p in local.parameter_source : name => { value = p.value, apply_method = p.apply_method } },
    { max_connections = { value = tostring(var.settings.max_connections), apply_method = "pending-reboot" } },
  )

  clients = { for i, id in var.client_security_group_ids : tostring(i) => id }
}

resource "aws_db_subnet_group" "this" {
  name        = local.identifier
  description = "PostgreSQL ${local.identifier}: data subnets"
  subnet_ids  = var.subnet_ids

  tags = { Name = local.identifier }

  lifecycle {
    precondition {
      condition     = !var.production || length(distinct(var.subnet_ids)) >= 3
      error_message = "Production PostgreSQL needs data subnets in three AZs."
    }
    precondition {
      condition     = !var.production || var.settings.multi_az
      error_message = "Production PostgreSQL must be Multi-AZ (settings.multi_az = true)."
    }
    precondition {
      condition     = !var.production || var.settings.deletion_protection
      error_message = "Production PostgreSQL must keep deletion protection (settings.deletion_protection = true)."
    }
    precondition {
      condition     = !var.production || !startswith(var.settings.instance_class, "db.t")
      error_message = "Production PostgreSQL must not run on a burstable class (db.t*): credits run out under sustained OLTP load."
    }
    precondition {
      condition     = !var.production || var.settings.backup_retention_days >= 14
      error_message = "Production PostgreSQL keeps at least 14 days of automated backups (point-in-time recovery window)."
    }
    precondition {
      condition     = !var.production || var.settings.allocated_storage >= 100
      error_message = "Production PostgreSQL starts with at least 100 GiB of storage (gp3 baseline performance)."
    }
    precondition {
      condition     = !var.production || var.mode != "primary" || var.settings.replica_count >= 1
      error_message = "Production PostgreSQL needs at least one same-region read replica."
    }
    precondition {
      condition     = var.mode != "cross_region_replica" || var.source_db_instance_arn != null
      error_message = "mode = cross_region_replica needs source_db_instance_arn (the primary region's postgres output primary_instance_arn)."
    }
  }
}

resource "aws_db_parameter_group" "this" {
  name        = "${local.identifier}-${local.family}"
  family      = local.family
  description = "PostgreSQL ${local.major} for OLTP: connection limit, slow-query logging, pg_stat_statements"

  dynamic "parameter" {
    for_each = local.parameters

    content {
      name         = parameter.key
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  tags = { Name = "${local.identifier}-${local.family}" }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = toset(local.instance_ids)

  name              = "/aws/rds/instance/${each.key}/postgresql"
  retention_in_days = var.settings.log_retention_days
  kms_key_id        = var.logs_kms_key_arn

  tags = { Name = each.key }
}

resource "aws_db_instance" "primary" {
  count = local.primary ? 1 : 0

  identifier     = local.identifier
  engine         = "postgres"
  engine_version = var.settings.engine_version
  instance_class = var.settings.instance_class
  port           = local.port

  allocated_storage     = var.settings.allocated_storage
  max_allocated_storage = var.settings.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  db_name                       = var.settings.database_name
  username                      = var.settings.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.secrets_kms_key_arn

  multi_az               = var.settings.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  ca_cert_identifier     = local.ca_cert_identifier

  iam_database_authentication_enabled   = true
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = var.settings.performance_insights_retention_days
  monitoring_interval                   = var.settings.monitoring_interval
  monitoring_role_arn                   = var.settings.monitoring_interval > 0 ? aws_iam_role.monitoring.arn : null
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]

  backup_retention_period    = var.settings.backup_retention_days
  backup_window              = var.settings.backup_window
  maintenance_window         = var.settings.maintenance_window
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true

  deletion_protection       = var.settings.deletion_protection
  skip_final_snapshot       = !var.production
  final_snapshot_identifier = var.production ? "${local.identifier}-final" : null

  tags = merge({ Name = local.identifier, Role = "primary" }, var.backup_plan_name == null ? {} : { Backup = var.backup_plan_name })

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy_attachment.monitoring]
}

resource "aws_db_instance" "replica" {
  #checkov:skip=CKV_AWS_157:Same-region read replicas scale reads; each is a single instance and another replica (or the Multi-AZ primary) takes its load when one fails.
  #checkov:skip=CKV_AWS_133:A replica holds a copy of the primary, whose automated backups (PITR) and AWS Backup copies are the backups; backing up the copy too adds cost, not recovery points.
  for_each = toset(local.replica_keys)

  identifier          = "${local.identifier}-replica-${each.key}"
  replicate_source_db = aws_db_instance.primary[0].identifier
  instance_class      = local.replica_class
  port                = local.port

  max_allocated_storage = var.settings.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  vpc_security_group_ids = [aws_security_group.this.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  ca_cert_identifier     = local.ca_cert_identifier

  iam_database_authentication_enabled   = true
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = var.settings.performance_insights_retention_days
  monitoring_interval                   = var.settings.monitoring_interval
  monitoring_role_arn                   = var.settings.monitoring_interval > 0 ? aws_iam_role.monitoring.arn : null
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]

  maintenance_window         = var.settings.maintenance_window
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true

  deletion_protection = var.settings.deletion_protection
  skip_final_snapshot = true

  tags = { Name = "${local.identifier}-replica-${each.key}", Role = "replica" }

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy_attachment.monitoring]
}

# A read replica of the other region's primary, encrypted with this region's
# data key; promoted by the regional failover runbook.
resource "aws_db_instance" "cross_region_replica" {
  #checkov:skip=CKV_AWS_133:The primary's backups are copied into this region by AWS Backup; promotion (docs/runbooks/failover.md) turns automated backups on for the new primary.
  count = local.cross_region ? 1 : 0

  identifier          = local.identifier
  replicate_source_db = var.source_db_instance_arn
  instance_class      = local.replica_class
  port                = local.port

  max_allocated_storage = var.settings.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  multi_az               = var.settings.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  ca_cert_identifier     = local.ca_cert_identifier

  iam_database_authentication_enabled   = true
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = var.settings.performance_insights_retention_days
  monitoring_interval                   = var.settings.monitoring_interval
  monitoring_role_arn                   = var.settings.monitoring_interval > 0 ? aws_iam_role.monitoring.arn : null
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]

  maintenance_window         = var.settings.maintenance_window
  copy_tags_to_snapshot      = true
  auto_minor_version_upgrade = true

  # RDS refuses a final snapshot of a read replica (InvalidParameterCombination);
  # the primary's final snapshot and the AWS Backup copies in this region hold
  # the data. Once promoted, the runbook sets the primary's protections.
  deletion_protection = var.settings.deletion_protection
  skip_final_snapshot = true

  tags = { Name = local.identifier, Role = "cross-region-replica" }

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy_attachment.monitoring]
}
