output "registry_arn" {
  description = "ARN of the schema registry."
  value       = aws_glue_registry.this.arn
}

output "registry_name" {
  description = "Name of the schema registry."
  value       = aws_glue_registry.this.registry_name
}

output "schema_arns" {
  description = "ARN of each schema, by name."
  value       = { for k, s in aws_glue_schema.this : k => s.arn }
}

output "schema_versions" {
  description = "Latest version number of each schema, by name."
  value       = { for k, s in aws_glue_schema.this : k => s.latest_schema_version }
}
