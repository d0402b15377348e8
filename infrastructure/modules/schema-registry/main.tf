# A Glue schema registry and its schemas. A new definition becomes a new
# schema version, which Glue accepts only if it keeps the compatibility mode.

resource "aws_glue_registry" "this" {
  registry_name = var.name
  description   = var.description

  tags = var.tags
}

resource "aws_glue_schema" "this" {
  for_each = var.schemas

  schema_name       = each.key
  registry_arn      = aws_glue_registry.this.arn
  data_format       = var.data_format
  compatibility     = var.compatibility
  description       = each.value.description
  schema_definition = each.value.definition

  tags = var.tags
}
