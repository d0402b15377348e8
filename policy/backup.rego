# Backups and retention.
package backup

import data.lib.tfplan
import rego.v1

rules := {
	"BAK_DB_RETENTION": "RDS keeps automated backups (7 days in production, 1 elsewhere)",
	"BAK_CACHE_SNAPSHOTS": "Production ElastiCache keeps snapshots",
	"BAK_S3_VERSIONING": "S3 buckets are versioned",
	"BAK_LOG_RETENTION": "Log groups have a retention period (not kept forever, not unbounded cost)",
	"BAK_DYNAMODB_PITR": "DynamoDB tables have point-in-time recovery",
}

min_retention := 7 if {
	tfplan.production
} else := 1

deny contains v if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tfplan.resources(type)
	not tfplan.set_or_unknown(r, "replicate_source_db")
	not tfplan.unknown(r, "backup_retention_period")
	tfplan.attr(r, "backup_retention_period", 0) < min_retention
	v := tfplan.violation("BAK_DB_RETENTION", r, sprintf("backup_retention_period %v < %v", [tfplan.attr(r, "backup_retention_period", 0), min_retention]))
}

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_elasticache_replication_group")
	tfplan.attr(r, "snapshot_retention_limit", 0) < 1
	v := tfplan.violation("BAK_CACHE_SNAPSHOTS", r, "snapshot_retention_limit < 1 in production")
}

deny contains v if {
	some b in tfplan.resources("aws_s3_bucket")
	not versioned(b)
	v := tfplan.violation("BAK_S3_VERSIONING", b, "no versioning configuration with status Enabled in the same module")
}

versioned(b) if {
	some c in tfplan.siblings(b, "aws_s3_bucket_versioning")
	some vc in c.after.versioning_configuration
	vc.status == "Enabled"
}

deny contains v if {
	some r in tfplan.resources("aws_cloudwatch_log_group")
	tfplan.attr(r, "retention_in_days", 0) == 0
	v := tfplan.violation("BAK_LOG_RETENTION", r, "retention_in_days not set (kept forever)")
}

deny contains v if {
	some r in tfplan.resources("aws_dynamodb_table")
	not tfplan.block(r, "point_in_time_recovery").enabled == true
	v := tfplan.violation("BAK_DYNAMODB_PITR", r, "point_in_time_recovery is not enabled")
}
