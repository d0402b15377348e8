output "config_recorder_name" {
  description = "AWS Config recorder of the region; null when security.config_recorder is false."
  value       = module.config_recorder.config_recorder_name
}

output "config_delivery_prefix" {
  description = "Prefix under which the recorder delivers to the audit bucket."
  value       = module.config_recorder.config_delivery_prefix
}
