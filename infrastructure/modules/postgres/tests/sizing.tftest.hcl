# Sizing, replicas and protections per environment, and the three modes.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-dev-us-east-1"
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0a", "subnet-0b", "subnet-0c"]
  client_security_group_ids = ["sg-0aaaaaaaaaaaaaaaa"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/11111111-1111-1111-1111-111111111111"
  secrets_kms_key_arn       = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-2222-2222-222222222222"
  logs_kms_key_arn          = "arn:aws:kms:us-east-1:111111111111:key/33333333-3333-3333-3333-333333333333"
}

run "dev_single_az_no_replicas" {
  command = apply

  variables {
    backup_plan_name = "ecom-dev-us-east-1-data"
    settings = {
      instance_class        = "db.t4g.medium"
      backup_retention_days = 7
      max_connections       = 200
    }
  }

  assert {
    condition     = aws_db_instance.primary[0].multi_az == false && aws_db_instance.primary[0].instance_class == "db.t4g.medium"
    error_message = "dev is single-AZ db.t4g.medium"
  }

  assert {
    condition     = length(aws_db_instance.replica) == 0 && length(aws_db_instance.cross_region_replica) == 0
    error_message = "dev has no read replicas"
  }

  assert {
    condition     = aws_db_instance.primary[0].skip_final_snapshot && !aws_db_instance.primary[0].deletion_protection
    error_message = "outside production the instance can be destroyed without a final snapshot"
  }

  assert {
    condition     = aws_db_instance.primary[0].manage_master_user_password && aws_db_instance.primary[0].password == null && aws_db_instance.primary[0].master_user_secret_kms_key_id == var.secrets_kms_key_arn
    error_message = "the master password is managed by RDS in Secrets Manager, encrypted with the secrets key"
  }

  assert {
    condition     = aws_db_instance.primary[0].backup_retention_period == 7 && aws_db_instance.primary[0].tags["Backup"] == "ecom-dev-us-east-1-data"
    error_message = "retention comes from the settings and the primary carries the Backup tag of the plan"
  }

  assert {
    condition     = aws_db_instance.primary[0].storage_encrypted && aws_db_instance.primary[0].kms_key_id == var.kms_key_arn && aws_db_instance.primary[0].performance_insights_kms_key_id == var.kms_key_arn
    error_message = "storage and Performance Insights are encrypted with the data key"
  }

  assert {
    condition     = aws_db_instance.primary[0].iam_database_authentication_enabled && aws_db_instance.primary[0].performance_insights_enabled && aws_db_instance.primary[0].monitoring_interval == 60 && aws_db_instance.primary[0].max_allocated_storage == 200
    error_message = "IAM auth, Performance Insights, enhanced monitoring and storage autoscaling are on"
  }

  assert {
    condition     = !aws_db_instance.primary[0].publicly_accessible
    error_message = "the database is never public"
  }

  assert {
    condition     = length(aws_db_proxy.this) == 1 && aws_db_proxy.this[0].require_tls && one(aws_db_proxy.this[0].auth).iam_auth == "REQUIRED" && aws_db_proxy_target.this[0].db_instance_identifier == "ecom-dev-us-east-1-postgres"
    error_message = "an RDS Proxy (TLS, IAM auth) fronts the primary"
  }

  assert {
    condition     = one(aws_db_proxy.this[0].auth).secret_arn == output.master_user_secret_arn && startswith(output.master_user_secret_arn, "arn:aws:secretsmanager:")
    error_message = "the proxy reads the managed master secret; the output is its ARN"
  }

  assert {
    condition     = aws_db_parameter_group.this.family == "postgres16" && output.parameters["max_connections"] == "200" && output.parameters["shared_preload_libraries"] == "pg_stat_statements" && output.parameters["log_min_duration_statement"] == "500"
    error_message = "the parameter group is the OLTP file plus the environment's max_connections"
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.clients) == 1 && aws_vpc_security_group_ingress_rule.clients["0"].referenced_security_group_id == "sg-0aaaaaaaaaaaaaaaa" && aws_vpc_security_group_ingress_rule.clients["0"].from_port == 5432 && aws_vpc_security_group_ingress_rule.clients["0"].to_port == 5432
    error_message = "only the workload security group reaches the database, on 5432"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.self.referenced_security_group_id == aws_security_group.this.id && aws_vpc_security_group_ingress_rule.proxy[0].referenced_security_group_id == aws_security_group.proxy[0].id
    error_message = "the database also admits its own members and the proxy"
  }

  assert {
    condition     = alltrue([for g in aws_cloudwatch_log_group.this : g.kms_key_id == var.logs_kms_key_arn]) && length(aws_cloudwatch_log_group.this) == 1
    error_message = "one KMS-encrypted log group per instance"
  }
}

run "prod_multi_az_two_replicas" {
  command = apply

  variables {
    name       = "ecom-prod-us-east-1"
    production = true
    settings = {
      engine_version        = "16.4"
      instance_class        = "db.r7g.xlarge"
      allocated_storage     = 200
      max_allocated_storage = 1000
      multi_az              = true
      replica_count         = 2
      backup_retention_days = 35
      deletion_protection   = true
      max_connections       = 1000
    }
  }

  assert {
    condition     = aws_db_instance.primary[0].multi_az && aws_db_instance.primary[0].instance_class == "db.r7g.xlarge" && aws_db_instance.primary[0].backup_retention_period == 35
    error_message = "prod is Multi-AZ db.r7g.xlarge with 35 days of backups"
  }

  assert {
    condition     = length(aws_db_instance.replica) == 2 && alltrue([for r in aws_db_instance.replica : r.replicate_source_db == "ecom-prod-us-east-1-postgres" && r.instance_class == "db.r7g.xlarge"])
    error_message = "prod has two same-region read replicas of the primary"
  }

  assert {
    condition     = aws_db_instance.primary[0].deletion_protection && !aws_db_instance.primary[0].skip_final_snapshot && aws_db_instance.primary[0].final_snapshot_identifier == "ecom-prod-us-east-1-postgres-final"
    error_message = "prod keeps deletion protection and takes a final snapshot"
  }

  assert {
    condition     = alltrue([for r in aws_db_instance.replica : r.deletion_protection])
    error_message = "prod replicas are deletion-protected too"
  }

  assert {
    condition     = aws_db_instance.primary[0].ca_cert_identifier == "rds-ca-rsa2048-g1" && alltrue([for r in aws_db_instance.replica : r.ca_cert_identifier == "rds-ca-rsa2048-g1"])
    error_message = "every instance serves the current RDS CA (rds-ca-rsa2048-g1)"
  }

  assert {
    condition     = length(aws_cloudwatch_log_group.this) == 3 && length(output.replica_endpoints) == 2
    error_message = "a log group per instance; replica endpoints exposed"
  }
}

run "prod_cross_region_replica" {
  command = apply

  variables {
    name                   = "ecom-prod-us-west-2"
    production             = true
    mode                   = "cross_region_replica"
    source_db_instance_arn = "arn:aws:rds:us-east-1:333333333333:db:ecom-prod-us-east-1-postgres"
    kms_key_arn            = "arn:aws:kms:us-west-2:333333333333:key/44444444-4444-4444-4444-444444444444"
    settings = {
      instance_class        = "db.r7g.xlarge"
      allocated_storage     = 200
      multi_az              = true
      replica_count         = 2
      backup_retention_days = 35
      deletion_protection   = true
    }
  }

  assert {
    condition     = length(aws_db_instance.primary) == 0 && length(aws_db_instance.replica) == 0 && length(aws_db_proxy.this) == 0
    error_message = "the secondary region has neither a primary, same-region replicas nor a proxy"
  }

  assert {
    condition     = aws_db_instance.cross_region_replica[0].replicate_source_db == var.source_db_instance_arn && aws_db_instance.cross_region_replica[0].kms_key_id == "arn:aws:kms:us-west-2:333333333333:key/44444444-4444-4444-4444-444444444444"
    error_message = "the cross-region replica reads the primary's ARN and is encrypted with this region's key"
  }

  assert {
    condition     = aws_db_instance.cross_region_replica[0].db_subnet_group_name == "ecom-prod-us-west-2-postgres" && aws_db_instance.cross_region_replica[0].deletion_protection && aws_db_instance.cross_region_replica[0].skip_final_snapshot && aws_db_instance.cross_region_replica[0].final_snapshot_identifier == null
    error_message = "the replica lives in this region's subnet group, is protected in prod, and takes no final snapshot (RDS refuses one for a replica)"
  }

  assert {
    condition     = output.primary_instance_arn == null && output.cross_region_replica_arn != null && output.proxy_endpoint == null
    error_message = "outputs say which role this region has"
  }
}

run "standby_holds_no_instance" {
  command = apply

  variables {
    mode = "standby"
  }

  assert {
    condition     = length(aws_db_instance.primary) + length(aws_db_instance.replica) + length(aws_db_instance.cross_region_replica) == 0 && length(aws_cloudwatch_log_group.this) == 0
    error_message = "standby keeps no instance"
  }

  assert {
    condition     = output.subnet_group_name == "ecom-dev-us-east-1-postgres" && output.endpoint == null
    error_message = "standby keeps the subnet group (restore target)"
  }
}

run "proxy_off" {
  command = plan

  variables {
    settings = { proxy = false }
  }

  assert {
    condition     = length(aws_db_proxy.this) == 0 && length(aws_security_group.proxy) == 0 && length(aws_iam_role.proxy) == 0
    error_message = "settings.proxy = false drops the proxy, its role and security group"
  }
}
