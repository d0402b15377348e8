output "domain_name" {
  description = "Name of the domain."
  value       = aws_opensearch_domain.this.domain_name
}

output "domain_arn" {
  description = "ARN of the domain (for IAM policies of the clients: es:ESHttp* on <arn>/*)."
  value       = aws_opensearch_domain.this.arn
}

output "endpoint" {
  description = "HTTPS endpoint of the domain inside the VPC (host name, no scheme)."
  value       = aws_opensearch_domain.this.endpoint
}

output "dashboard_endpoint" {
  description = "OpenSearch Dashboards endpoint inside the VPC."
  value       = aws_opensearch_domain.this.dashboard_endpoint
}

output "port" {
  description = "The one port clients use: HTTPS."
  value       = 443
}

output "security_group_id" {
  description = "Security group of the domain (admits HTTPS from the client security groups only)."
  value       = aws_security_group.this.id
}

output "master_user_arn" {
  description = "IAM principal that is the fine-grained access control master user."
  value       = local.master_user_arn
}

output "log_group_names" {
  description = "Log groups by kind (application, index-slow, search-slow, audit)."
  value       = { for k, g in aws_cloudwatch_log_group.this : k => g.name }
}

output "configuration" {
  description = "What the domain is configured with (read from the resource), for callers' tests and reviews."
  value = {
    engine_version       = aws_opensearch_domain.this.engine_version
    instance_type        = one(aws_opensearch_domain.this.cluster_config).instance_type
    instance_count       = one(aws_opensearch_domain.this.cluster_config).instance_count
    zone_awareness       = one(aws_opensearch_domain.this.cluster_config).zone_awareness_enabled
    az_count             = try(one(one(aws_opensearch_domain.this.cluster_config).zone_awareness_config).availability_zone_count, 1)
    dedicated_masters    = one(aws_opensearch_domain.this.cluster_config).dedicated_master_enabled ? one(aws_opensearch_domain.this.cluster_config).dedicated_master_count : 0
    master_instance_type = one(aws_opensearch_domain.this.cluster_config).dedicated_master_type
    volume_type          = one(aws_opensearch_domain.this.ebs_options).volume_type
    volume_size_gib      = one(aws_opensearch_domain.this.ebs_options).volume_size
    subnet_count         = length(one(aws_opensearch_domain.this.vpc_options).subnet_ids)
    encrypt_at_rest      = one(aws_opensearch_domain.this.encrypt_at_rest).enabled
    node_to_node         = one(aws_opensearch_domain.this.node_to_node_encryption).enabled
    enforce_https        = one(aws_opensearch_domain.this.domain_endpoint_options).enforce_https
    tls_security_policy  = one(aws_opensearch_domain.this.domain_endpoint_options).tls_security_policy
    fine_grained_access  = nonsensitive(one(aws_opensearch_domain.this.advanced_security_options).enabled)
    internal_user_db     = nonsensitive(one(aws_opensearch_domain.this.advanced_security_options).internal_user_database_enabled)
    anonymous_auth       = nonsensitive(one(aws_opensearch_domain.this.advanced_security_options).anonymous_auth_enabled)
    log_types            = sort([for o in aws_opensearch_domain.this.log_publishing_options : o.log_type if o.enabled])
    log_retention_days   = distinct([for g in aws_cloudwatch_log_group.this : g.retention_in_days])
  }
}
