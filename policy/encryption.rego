# Encryption at rest and in transit for every data store, bucket, log group and topic.
package encryption

import data.lib.tfplan
import rego.v1

rules := {
	"ENC_S3": "S3 buckets are encrypted at rest with KMS (a server-side encryption configuration with aws:kms)",
	"ENC_S3_TLS": "S3 bucket policies deny requests without TLS (aws:SecureTransport)",
	"ENC_LOGS": "CloudWatch log groups are encrypted with a customer-managed KMS key",
	"ENC_SNS": "SNS topics are encrypted with KMS",
	"ENC_SQS": "SQS queues are encrypted (KMS or SQS-managed SSE)",
	"ENC_RDS": "RDS instances and clusters are encrypted at rest",
	"ENC_CACHE": "ElastiCache replication groups encrypt at rest and in transit",
	"ENC_MSK": "MSK clusters encrypt in transit (TLS only, also inside the cluster) and at rest with a KMS key",
	"ENC_SEARCH": "OpenSearch domains encrypt at rest, node to node and enforce HTTPS",
	"ENC_EBS": "EBS volumes and launch template block devices are encrypted",
	"ENC_DYNAMODB": "DynamoDB tables use a KMS key for server-side encryption",
	"ENC_EKS": "EKS clusters encrypt Kubernetes secrets with KMS",
	"ENC_KMS_ROTATION": "Symmetric KMS keys rotate automatically",
	"ENC_TRAIL": "CloudTrail trails encrypt their logs with KMS",
	"ENC_SECRETS": "Secrets Manager secrets use a customer-managed KMS key",
}

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains v if {
	some b in tfplan.resources("aws_s3_bucket")
	not bucket_kms_encrypted(b)
	v := tfplan.violation("ENC_S3", b, "no server-side encryption configuration with aws:kms in the same module")
}

bucket_kms_encrypted(b) if {
	some c in tfplan.siblings(b, "aws_s3_bucket_server_side_encryption_configuration")
	some rule in c.after.rule
	some d in rule.apply_server_side_encryption_by_default
	d.sse_algorithm in kms_algorithms
}

deny contains v if {
	some b in tfplan.resources("aws_s3_bucket")
	not bucket_requires_tls(b)
	v := tfplan.violation("ENC_S3_TLS", b, "no bucket policy denying requests without TLS (aws:SecureTransport)")
}

bucket_requires_tls(b) if {
	some p in tfplan.siblings(b, "aws_s3_bucket_policy")
	tfplan.unknown(p, "policy")
}

bucket_requires_tls(b) if {
	some p in tfplan.siblings(b, "aws_s3_bucket_policy")
	some s in tfplan.statements(json.unmarshal(p.after.policy))
	s.Effect == "Deny"
	s.Condition.Bool["aws:SecureTransport"] in {"false", false}
}

deny contains v if {
	some r in tfplan.resources("aws_cloudwatch_log_group")
	not tfplan.set_or_unknown(r, "kms_key_id")
	v := tfplan.violation("ENC_LOGS", r, "log group without kms_key_id")
}

deny contains v if {
	some r in tfplan.resources("aws_sns_topic")
	not tfplan.set_or_unknown(r, "kms_master_key_id")
	v := tfplan.violation("ENC_SNS", r, "topic without kms_master_key_id")
}

deny contains v if {
	some r in tfplan.resources("aws_sqs_queue")
	not tfplan.set_or_unknown(r, "kms_master_key_id")
	not r.after.sqs_managed_sse_enabled == true
	v := tfplan.violation("ENC_SQS", r, "queue without KMS or SQS-managed encryption")
}

deny contains v if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tfplan.resources(type)
	not r.after.storage_encrypted == true
	not tfplan.unknown(r, "storage_encrypted")
	v := tfplan.violation("ENC_RDS", r, "storage_encrypted is not true")
}

deny contains v if {
	some r in tfplan.resources("aws_elasticache_replication_group")
	some key in ["at_rest_encryption_enabled", "transit_encryption_enabled"]
	not r.after[key] in {true, "true"}
	not tfplan.unknown(r, key)
	v := tfplan.violation("ENC_CACHE", r, sprintf("%s is not true", [key]))
}

deny contains v if {
	some r in tfplan.resources("aws_msk_cluster")
	not msk_tls_only(r)
	v := tfplan.violation("ENC_MSK", r, "encryption_in_transit must be client_broker = TLS and in_cluster = true")
}

msk_tls_only(r) if {
	t := tfplan.block(r, "encryption_info").encryption_in_transit[0]
	t.client_broker == "TLS"
	t.in_cluster == true
}

deny contains v if {
	some r in tfplan.resources("aws_msk_cluster")
	info := tfplan.block(r, "encryption_info")
	object.get(info, "encryption_at_rest_kms_key_arn", null) in {null, ""}
	not r.unknown.encryption_info
	v := tfplan.violation("ENC_MSK", r, "no encryption_at_rest_kms_key_arn (customer-managed key)")
}

deny contains v if {
	some r in tfplan.resources("aws_opensearch_domain")
	some check in [
		["encrypt_at_rest", "enabled"],
		["node_to_node_encryption", "enabled"],
		["domain_endpoint_options", "enforce_https"],
	]
	not tfplan.block(r, check[0])[check[1]] == true
	v := tfplan.violation("ENC_SEARCH", r, sprintf("%s.%s is not true", check))
}

deny contains v if {
	some r in tfplan.resources("aws_ebs_volume")
	not r.after.encrypted == true
	v := tfplan.violation("ENC_EBS", r, "volume not encrypted")
}

deny contains v if {
	some r in tfplan.resources("aws_launch_template")
	some m in object.get(r.after, "block_device_mappings", [])
	some e in m.ebs
	not e.encrypted in {"true", true}
	v := tfplan.violation("ENC_EBS", r, sprintf("block device %s not encrypted", [m.device_name]))
}

deny contains v if {
	some r in tfplan.resources("aws_dynamodb_table")
	not tfplan.block(r, "server_side_encryption").enabled == true
	v := tfplan.violation("ENC_DYNAMODB", r, "server_side_encryption with a KMS key is not enabled")
}

deny contains v if {
	some r in tfplan.resources("aws_eks_cluster")
	count(object.get(r.after, "encryption_config", [])) == 0
	not r.unknown.encryption_config
	v := tfplan.violation("ENC_EKS", r, "no encryption_config for secrets")
}

deny contains v if {
	some r in tfplan.resources("aws_kms_key")
	tfplan.attr(r, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not r.after.enable_key_rotation == true
	v := tfplan.violation("ENC_KMS_ROTATION", r, "enable_key_rotation is not true")
}

deny contains v if {
	some r in tfplan.resources("aws_cloudtrail")
	not tfplan.set_or_unknown(r, "kms_key_id")
	v := tfplan.violation("ENC_TRAIL", r, "trail without kms_key_id")
}

deny contains v if {
	some r in tfplan.resources("aws_secretsmanager_secret")
	not tfplan.set_or_unknown(r, "kms_key_id")
	v := tfplan.violation("ENC_SECRETS", r, "secret without a customer-managed kms_key_id")
}
