# The registry and one schema per entry, each with the registry's
# compatibility mode, plus every validation rule.

mock_provider "aws" {
  mock_resource "aws_glue_registry" {
    defaults = {
      arn = "arn:aws:glue:us-east-1:111111111111:registry/ecom-dev-us-east-1-events"
    }
  }
}

variables {
  name = "ecom-dev-us-east-1-events"
  schemas = {
    orders-value = {
      definition  = "{\"type\":\"record\",\"name\":\"OrderEvent\",\"fields\":[{\"name\":\"order_id\",\"type\":\"string\"}]}"
      description = "orders"
    }
    payments-value = {
      definition = "{\"type\":\"record\",\"name\":\"PaymentEvent\",\"fields\":[{\"name\":\"order_id\",\"type\":\"string\"}]}"
    }
  }
}

run "one_schema_per_entry" {
  command = apply

  assert {
    condition     = toset(keys(aws_glue_schema.this)) == toset(["orders-value", "payments-value"]) && alltrue([for s in aws_glue_schema.this : s.registry_arn == aws_glue_registry.this.arn])
    error_message = "every schema lives in the registry"
  }

  assert {
    condition     = alltrue([for s in aws_glue_schema.this : s.compatibility == "BACKWARD" && s.data_format == "AVRO"])
    error_message = "Avro schemas, BACKWARD compatible by default"
  }

  assert {
    condition     = aws_glue_schema.this["orders-value"].description == "orders" && aws_glue_schema.this["payments-value"].description == null
    error_message = "descriptions are optional"
  }

  assert {
    condition     = aws_glue_registry.this.registry_name == "ecom-dev-us-east-1-events" && output.registry_arn == "arn:aws:glue:us-east-1:111111111111:registry/ecom-dev-us-east-1-events"
    error_message = "the registry is named as given"
  }
}

run "full_compatibility" {
  command = plan

  variables {
    compatibility = "FULL"
  }

  assert {
    condition     = alltrue([for s in aws_glue_schema.this : s.compatibility == "FULL"])
    error_message = "the mode applies to every schema"
  }
}

run "unknown_compatibility" {
  command = plan

  variables {
    compatibility = "STRICT"
  }

  expect_failures = [var.compatibility]
}

run "unknown_format" {
  command = plan

  variables {
    data_format = "XML"
  }

  expect_failures = [var.data_format]
}

run "bad_name" {
  command = plan

  variables {
    name = "events registry"
  }

  expect_failures = [var.name]
}

run "avro_definition_not_json" {
  command = plan

  variables {
    schemas = { broken = { definition = "record OrderEvent {" } }
  }

  expect_failures = [var.schemas]
}

run "bad_schema_name" {
  command = plan

  variables {
    schemas = { "orders value" = { definition = "{}" } }
  }

  expect_failures = [var.schemas]
}
