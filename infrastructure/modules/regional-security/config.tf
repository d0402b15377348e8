resource "aws_config_configuration_recorder" "this" {
  #checkov:skip=CKV2_AWS_48:All supported types are recorded; global types (IAM) only in the primary region (include_global_resource_types), so they are not recorded twice.
  count = var.config.enabled ? 1 : 0

  name     = var.name_prefix
  role_arn = var.config.role_arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = var.config.include_global_resource_types
  }
}

resource "aws_config_delivery_channel" "this" {
  count = var.config.enabled ? 1 : 0

  name           = var.name_prefix
  s3_bucket_name = var.config.s3_bucket_name
  s3_key_prefix  = "${var.config.s3_key_prefix}/${local.region}"

  snapshot_delivery_properties {
    delivery_frequency = var.config.delivery_frequency
  }

  depends_on = [aws_config_configuration_recorder.this]
}

resource "aws_config_configuration_recorder_status" "this" {
  count = var.config.enabled ? 1 : 0

  name       = aws_config_configuration_recorder.this[0].name
  is_enabled = true

  depends_on = [aws_config_delivery_channel.this]
}
