# Logging is on: flow logs, CloudTrail, control-plane and data store logs, load balancer access logs.
package logging

import data.lib.tfplan
import rego.v1

rules := {
	"LOG_VPC_FLOW": "Every VPC has flow logs",
	"LOG_TRAIL": "CloudTrail is multi-region with log file validation",
	"LOG_EKS": "EKS control plane logs api, audit and authenticator",
	"LOG_DB": "RDS exports its logs to CloudWatch Logs",
	"LOG_SEARCH": "OpenSearch publishes its logs",
	"LOG_MSK": "MSK broker logs are delivered",
	"LOG_CACHE": "ElastiCache delivers its logs",
	"LOG_LB": "Load balancers write access logs",
}

deny contains v if {
	some r in tfplan.resources("aws_vpc")
	not tfplan.has_sibling(r, "aws_flow_log")
	v := tfplan.violation("LOG_VPC_FLOW", r, "no aws_flow_log in the same module")
}

deny contains v if {
	some r in tfplan.resources("aws_cloudtrail")
	some key in ["is_multi_region_trail", "enable_log_file_validation", "include_global_service_events"]
	not r.after[key] == true
	v := tfplan.violation("LOG_TRAIL", r, sprintf("%s is not true", [key]))
}

eks_log_types := ["api", "audit", "authenticator"]

deny contains v if {
	some r in tfplan.resources("aws_eks_cluster")
	missing := [t | some t in eks_log_types; not t in object.get(r.after, "enabled_cluster_log_types", [])]
	count(missing) > 0
	v := tfplan.violation("LOG_EKS", r, sprintf("enabled_cluster_log_types misses %v", [missing]))
}

deny contains v if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tfplan.resources(type)
	count(object.get(r.after, "enabled_cloudwatch_logs_exports", [])) == 0
	not tfplan.unknown(r, "enabled_cloudwatch_logs_exports")
	v := tfplan.violation("LOG_DB", r, "enabled_cloudwatch_logs_exports is empty")
}

deny contains v if {
	some r in tfplan.resources("aws_opensearch_domain")
	count([o | some o in object.get(r.after, "log_publishing_options", []); o.enabled != false]) == 0
	v := tfplan.violation("LOG_SEARCH", r, "no log_publishing_options")
}

deny contains v if {
	some r in tfplan.resources("aws_msk_cluster")
	not msk_logs(r)
	v := tfplan.violation("LOG_MSK", r, "no broker_logs destination enabled")
}

msk_logs(r) if {
	some li in r.after.logging_info
	some bl in li.broker_logs
	some dest in ["cloudwatch_logs", "s3", "firehose"]
	some d in object.get(bl, dest, [])
	d.enabled == true
}

deny contains v if {
	some r in tfplan.resources("aws_elasticache_replication_group")
	count(object.get(r.after, "log_delivery_configuration", [])) == 0
	v := tfplan.violation("LOG_CACHE", r, "no log_delivery_configuration")
}

deny contains v if {
	some r in tfplan.resources("aws_lb")
	not tfplan.block(r, "access_logs").enabled == true
	v := tfplan.violation("LOG_LB", r, "access_logs are not enabled")
}
