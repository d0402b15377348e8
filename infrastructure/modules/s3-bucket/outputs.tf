output "id" {
  description = "Bucket name (the resource id; known at plan time)."
  value       = aws_s3_bucket.this.bucket
}

output "arn" {
  description = "Bucket ARN."
  value       = aws_s3_bucket.this.arn
}

output "configuration" {
  description = "What the bucket is configured with, for callers' tests and reviews."
  value = {
    name                = aws_s3_bucket.this.bucket
    force_destroy       = aws_s3_bucket.this.force_destroy
    tags                = aws_s3_bucket.this.tags
    versioning          = aws_s3_bucket_versioning.this.versioning_configuration[0].status
    object_ownership    = aws_s3_bucket_ownership_controls.this.rule[0].object_ownership
    public_access_block = aws_s3_bucket_public_access_block.this.block_public_acls && aws_s3_bucket_public_access_block.this.block_public_policy && aws_s3_bucket_public_access_block.this.ignore_public_acls && aws_s3_bucket_public_access_block.this.restrict_public_buckets
    sse_algorithm       = one(one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default).sse_algorithm
    kms_key_arn         = one(one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default).kms_master_key_id
    bucket_key_enabled  = one(aws_s3_bucket_server_side_encryption_configuration.this.rule).bucket_key_enabled
    policy_attached     = length(aws_s3_bucket_policy.this) == 1
    tls_only            = var.deny_insecure_transport
    lifecycle_rule      = var.lifecycle_rule
  }
}
