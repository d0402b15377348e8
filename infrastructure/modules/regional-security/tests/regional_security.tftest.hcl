mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name_prefix = "ecom-dev"
  config = {
    role_arn       = "arn:aws:iam::111111111111:role/ecom-dev-config"
    s3_bucket_name = "ecom-dev-audit-111111111111"
  }
}

run "defaults_secondary_region" {
  command = plan

  assert {
    condition     = aws_guardduty_detector.this[0].enable && aws_guardduty_detector.this[0].finding_publishing_frequency == "FIFTEEN_MINUTES"
    error_message = "GuardDuty is on and publishes every 15 minutes by default"
  }

  assert {
    condition     = jsonencode(output.guardduty_features) == jsonencode({ S3_DATA_EVENTS = "ENABLED", EKS_AUDIT_LOGS = "ENABLED", EBS_MALWARE_PROTECTION = "ENABLED" })
    error_message = "S3 logs, EKS audit logs and malware protection are enabled by default"
  }

  assert {
    condition     = alltrue([for f in aws_guardduty_detector_feature.this : f.detector_id == "12abc34d567e8fa901bc2d34e56789f0"])
    error_message = "features belong to the detector"
  }

  assert {
    condition = (
      aws_config_configuration_recorder.this[0].recording_group[0].all_supported &&
      !aws_config_configuration_recorder.this[0].recording_group[0].include_global_resource_types &&
      aws_config_configuration_recorder.this[0].role_arn == "arn:aws:iam::111111111111:role/ecom-dev-config"
    )
    error_message = "the recorder records all supported types, without global types outside the primary region"
  }

  assert {
    condition     = aws_config_delivery_channel.this[0].s3_bucket_name == "ecom-dev-audit-111111111111" && aws_config_delivery_channel.this[0].s3_key_prefix == "config/us-west-2"
    error_message = "delivery goes to the audit bucket under config/<region>"
  }

  assert {
    condition     = aws_config_configuration_recorder_status.this[0].is_enabled
    error_message = "the recorder is started"
  }

  assert {
    condition     = aws_accessanalyzer_analyzer.this[0].type == "ACCOUNT" && aws_accessanalyzer_analyzer.this[0].analyzer_name == "ecom-dev-account"
    error_message = "an ACCOUNT analyzer"
  }

  assert {
    condition     = aws_accessanalyzer_analyzer.this[0].tags == tomap({ Name = "ecom-dev-account" })
    error_message = "resources add only Name"
  }
}

run "primary_region_records_global_types" {
  command = plan

  variables {
    config = {
      role_arn                      = "arn:aws:iam::111111111111:role/ecom-dev-config"
      s3_bucket_name                = "ecom-dev-audit-111111111111"
      include_global_resource_types = true
    }
    guardduty = { finding_publishing_frequency = "ONE_HOUR", features = { EKS_AUDIT_LOGS = "DISABLED" } }
  }

  assert {
    condition     = aws_config_configuration_recorder.this[0].recording_group[0].include_global_resource_types
    error_message = "the primary region records global resource types"
  }

  assert {
    condition     = jsonencode(output.guardduty_features) == jsonencode({ EKS_AUDIT_LOGS = "DISABLED" }) && aws_guardduty_detector.this[0].finding_publishing_frequency == "ONE_HOUR"
    error_message = "features and frequency are data"
  }
}

run "all_off" {
  command = plan

  variables {
    guardduty              = { enabled = false }
    config                 = { enabled = false }
    enable_access_analyzer = false
  }

  assert {
    condition     = output.guardduty_detector_id == null && output.config_recorder_name == null && output.access_analyzer_arn == null && length(aws_guardduty_detector_feature.this) == 0
    error_message = "every part is switchable and the outputs survive"
  }
}
