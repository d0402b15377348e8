# Production: Multi-AZ, deletion protection and final snapshots for data stores.
package resilience

import data.lib.tfplan
import rego.v1

rules := {
	"RES_MULTI_AZ": "Production data stores span availability zones (RDS multi_az, ElastiCache multi-AZ with failover, OpenSearch zone awareness, MSK brokers in 3 AZs)",
	"RES_DELETION_PROTECTION": "Production databases and tables have deletion protection",
	"RES_FINAL_SNAPSHOT": "Production databases take a final snapshot when deleted",
	"RES_FORCE_DESTROY": "Production buckets cannot be deleted with their objects (force_destroy = false)",
}

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_db_instance")
	not replica(r)
	not r.after.multi_az == true
	v := tfplan.violation("RES_MULTI_AZ", r, "multi_az is not true in production")
}

replica(r) if tfplan.set_or_unknown(r, "replicate_source_db")

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_elasticache_replication_group")
	some key in ["multi_az_enabled", "automatic_failover_enabled"]
	not r.after[key] == true
	v := tfplan.violation("RES_MULTI_AZ", r, sprintf("%s is not true in production", [key]))
}

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_opensearch_domain")
	not tfplan.block(r, "cluster_config").zone_awareness_enabled == true
	v := tfplan.violation("RES_MULTI_AZ", r, "cluster_config.zone_awareness_enabled is not true in production")
}

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_msk_cluster")
	r.after.number_of_broker_nodes < 3
	v := tfplan.violation("RES_MULTI_AZ", r, "fewer than 3 brokers in production")
}

deny contains v if {
	tfplan.production
	some spec in [
		["aws_db_instance", "deletion_protection"],
		["aws_rds_cluster", "deletion_protection"],
		["aws_dynamodb_table", "deletion_protection_enabled"],
	]
	some r in tfplan.resources(spec[0])
	not r.after[spec[1]] == true
	v := tfplan.violation("RES_DELETION_PROTECTION", r, sprintf("%s is not true in production", [spec[1]]))
}

deny contains v if {
	tfplan.production
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tfplan.resources(type)
	not replica(r)
	r.after.skip_final_snapshot == true
	v := tfplan.violation("RES_FINAL_SNAPSHOT", r, "skip_final_snapshot = true in production")
}

deny contains v if {
	tfplan.production
	some r in tfplan.resources("aws_s3_bucket")
	r.after.force_destroy == true
	v := tfplan.violation("RES_FORCE_DESTROY", r, "force_destroy = true in production")
}
