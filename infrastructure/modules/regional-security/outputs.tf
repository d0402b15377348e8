output "guardduty_detector_id" {
  description = "Id of the GuardDuty detector; null when GuardDuty is off."
  value       = try(aws_guardduty_detector.this[0].id, null)
}

output "guardduty_features" {
  description = "Status of each managed GuardDuty feature."
  value       = { for name, feature in aws_guardduty_detector_feature.this : name => feature.status }
}

output "config_recorder_name" {
  description = "Name of the AWS Config recorder; null when Config is off."
  value       = try(aws_config_configuration_recorder.this[0].name, null)
}

output "config_delivery_prefix" {
  description = "Key prefix the delivery channel writes under in the audit bucket."
  value       = try(aws_config_delivery_channel.this[0].s3_key_prefix, null)
}

output "access_analyzer_arn" {
  description = "ARN of the IAM Access Analyzer; null when it is off."
  value       = try(aws_accessanalyzer_analyzer.this[0].arn, null)
}

output "config_records_global_resource_types" {
  description = "Whether this region's recorder records global resource types (IAM): true only in the primary region."
  value       = try(aws_config_configuration_recorder.this[0].recording_group[0].include_global_resource_types, null)
}
