# Client IAM policies: one per service and role, naming only its topics and
# (consumers) its own groups; the topic admin names the declared topics.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name          = "ecom-dev-us-east-1-events"
  kafka_version = "3.6.0"
  brokers = {
    instance_type   = "kafka.t3.small"
    count           = 3
    volume_size     = 20
    max_volume_size = 100
  }
  server_properties = {
    default_replication_factor = 3
    min_insync_replicas        = 2
    log_retention_hours        = 168
  }
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-a", "subnet-b", "subnet-c"]
  client_security_group_ids = ["sg-workload"]
  at_rest_kms_key_arn       = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs = {
    kms_key_arn    = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    retention_days = 30
  }
  topics = {
    orders   = { producers = ["order-service"], consumers = ["payment-service", "shipping-service"] }
    payments = { producers = ["payment-service"], consumers = ["order-service"] }
  }
  schema_registry_arns = ["arn:aws:glue:us-east-1:111111111111:registry/ecom-dev-us-east-1-events"]
}

run "policies_per_service_and_role" {
  command = apply

  assert {
    condition     = toset(keys(output.client_policies)) == toset(["order-service-producer", "order-service-consumer", "payment-service-producer", "payment-service-consumer", "shipping-service-consumer"])
    error_message = "one policy per service and role it has; shipping-service only consumes"
  }

  assert {
    condition = jsondecode(output.client_policies["order-service-producer"]).Statement[1] == {
      Sid      = "Topics"
      Effect   = "Allow"
      Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
      Resource = ["arn:aws:kafka:us-east-1:111111111111:topic/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/orders"]
    }
    error_message = "the order service writes to orders only"
  }

  assert {
    condition = jsondecode(output.client_policies["payment-service-consumer"]).Statement[2] == {
      Sid      = "OwnGroups"
      Effect   = "Allow"
      Action   = ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"]
      Resource = ["arn:aws:kafka:us-east-1:111111111111:group/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/payment-service*"]
    }
    error_message = "a consumer may use only the groups named after its service"
  }

  assert {
    condition     = jsondecode(output.client_policies["payment-service-consumer"]).Statement[1].Resource == ["arn:aws:kafka:us-east-1:111111111111:topic/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/orders"] && jsondecode(output.client_policies["payment-service-consumer"]).Statement[1].Action == ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
    error_message = "the payment service reads orders only"
  }

  assert {
    condition     = alltrue([for p in values(output.client_policies) : !strcontains(p, "*\"") || strcontains(p, "service*") || strcontains(p, ":schema/")])
    error_message = "no wildcard beyond a service's own groups and the registry's schemas"
  }

  assert {
    condition     = !strcontains(output.client_policies["order-service-producer"], "ReadData") && !strcontains(output.client_policies["order-service-producer"], "Group") && strcontains(output.client_policies["order-service-producer"], "WriteDataIdempotently")
    error_message = "a producer neither reads nor joins groups; it may write idempotently"
  }

  assert {
    condition     = jsondecode(output.client_policies["shipping-service-consumer"]).Statement[3].Resource == ["arn:aws:glue:us-east-1:111111111111:registry/ecom-dev-us-east-1-events", "arn:aws:glue:us-east-1:111111111111:schema/ecom-dev-us-east-1-events/*"] && !strcontains(output.client_policies["shipping-service-consumer"], "glue:Register") && !strcontains(output.client_policies["shipping-service-consumer"], "glue:Create")
    error_message = "clients read the registry's schemas and cannot register them"
  }

  assert {
    condition     = aws_iam_policy.clients["order-service-producer"].name == "ecom-dev-us-east-1-events-order-service-producer"
    error_message = "policy names are <cluster>-<service>-<role>"
  }

  assert {
    condition     = jsondecode(aws_iam_policy.topic_admin[0].policy).Statement[1].Resource == ["arn:aws:kafka:us-east-1:111111111111:topic/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/orders", "arn:aws:kafka:us-east-1:111111111111:topic/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2/payments"]
    error_message = "the topic admin creates and configures the declared topics only"
  }
}

run "no_topics_no_policies" {
  command = plan

  variables {
    topics               = {}
    schema_registry_arns = []
  }

  assert {
    condition     = length(aws_iam_policy.clients) == 0 && length(aws_iam_policy.topic_admin) == 0
    error_message = "without topics there is nothing to grant"
  }
}

run "registry_not_an_arn" {
  command = plan

  variables {
    schema_registry_arns = ["ecom-dev-us-east-1-events"]
  }

  expect_failures = [var.schema_registry_arns]
}
