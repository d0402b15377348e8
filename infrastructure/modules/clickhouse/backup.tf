# The backup bucket: versioned, SSE-KMS with the data key, TLS only, no
# public access (modules/s3-bucket). Backups expire after the retention;
# overwritten or deleted versions a week later. With a backup plan, AWS
# Backup copies the bucket (and the data volumes) to the other region.
module "backup_bucket" {
  source = "../s3-bucket"

  name          = local.bucket_name
  kms_key_arn   = var.kms_key_arn
  force_destroy = var.backup.force_destroy
  lifecycle_rule = {
    id              = "backup-retention"
    expiration_days = var.backup.retention_days
    noncurrent_days = 7
  }

  tags = merge(var.tags, local.backup_tags, { Name = local.bucket_name })
}
