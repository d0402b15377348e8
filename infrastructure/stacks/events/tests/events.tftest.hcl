# Plan-level tests of the events stack: sizing per environment from the
# environment data, the topics and schemas from events/, replication only in
# prod's secondary region, and the input validations.

mock_provider "aws" {
  mock_resource "aws_msk_cluster" {
    defaults = {
      arn          = "arn:aws:kafka:us-east-1:111111111111:cluster/ecom-dev-us-east-1-events/5a6b7c8d-1111-2222-3333-444455556666-2"
      cluster_uuid = "5a6b7c8d-1111-2222-3333-444455556666-2"
    }
  }

  mock_resource "aws_msk_configuration" {
    defaults = {
      arn             = "arn:aws:kafka:us-east-1:111111111111:configuration/ecom-dev-us-east-1-events/0a0b0c0d-1111-2222-3333-444455556666-1"
      latest_revision = 1
    }
  }

  mock_resource "aws_glue_registry" {
    defaults = {
      arn = "arn:aws:glue:us-east-1:111111111111:registry/ecom-dev-us-east-1-events"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::333333333333:role/ecom-prod-us-west-2-events-replicator"
    }
  }

  mock_resource "aws_iam_policy" {
    defaults = {
      arn = "arn:aws:iam::111111111111:policy/ecom-dev-us-east-1-events-client"
    }
  }
}

variables {
  vpc_id                     = "vpc-0123456789abcdef0"
  data_subnet_ids            = ["subnet-data-a", "subnet-data-b", "subnet-data-c"]
  workload_security_group_id = "sg-workload"
  private_subnet_cidrs       = ["10.10.0.0/18", "10.10.64.0/18", "10.10.128.0/18"]
  data_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  logs_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = module.msk.cluster_name == "ecom-dev-us-east-1-events" && output.cluster_arn != ""
    error_message = "the cluster is named after the regional prefix"
  }

  assert {
    condition     = module.msk.replicator_arn == null && output.replicator_arn == "" && length(output.replicator_security_group_ids) == 0
    error_message = "dev does not replicate"
  }

  assert {
    condition     = toset(keys(output.schema_arns)) == toset(["orders-value", "payments-value", "inventory-value", "shipments-value", "products-value", "customers-value"])
    error_message = "every schema of events/schemas is in the registry"
  }

  assert {
    condition     = contains(keys(output.client_policy_arns), "order-service-producer") && contains(keys(output.client_policy_arns), "payment-service-consumer") && !contains(keys(output.client_policy_arns), "search-service-producer")
    error_message = "client policies follow the producers and consumers of events/topics.json"
  }

  assert {
    condition     = output.subnet_ids == tolist(["subnet-data-a", "subnet-data-b", "subnet-data-c"])
    error_message = "the brokers live in the data subnets, where the workload group's egress reaches 9098"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-events"
    error_message = "the stack is dev-us-east-1-events"
  }
}

run "dev_sizing" {
  command = plan

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = module.msk.brokers == { instance_type = "kafka.t3.small", count = 3, enhanced_monitoring = "DEFAULT" }
    error_message = "dev: three kafka.t3.small brokers, default monitoring"
  }

  assert {
    condition     = strcontains(module.msk.server_properties, "min.insync.replicas=1") && strcontains(module.msk.server_properties, "auto.create.topics.enable=false")
    error_message = "dev's configuration comes from its events data"
  }
}

run "prod_primary_has_the_source_side" {
  command = apply

  variables {
    environment          = "prod"
    region               = "us-east-1"
    private_subnet_cidrs = ["10.30.0.0/18", "10.30.64.0/18", "10.30.128.0/18"]
    data_kms_key_arn     = "arn:aws:kms:us-east-1:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    logs_kms_key_arn     = "arn:aws:kms:us-east-1:333333333333:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  assert {
    condition     = length(output.replicator_security_group_ids) == 1 && output.replicator_arn == ""
    error_message = "prod's primary lets the replicator in and replicates nothing itself"
  }

  assert {
    condition     = module.msk.brokers == { instance_type = "kafka.m7g.large", count = 6, enhanced_monitoring = "PER_TOPIC_PER_BROKER" }
    error_message = "prod: six kafka.m7g.large brokers (two per AZ), per-topic monitoring"
  }

  assert {
    condition     = strcontains(module.msk.server_properties, "default.replication.factor=3") && strcontains(module.msk.server_properties, "min.insync.replicas=2")
    error_message = "prod: replication factor 3, min.insync.replicas 2"
  }
}

run "prod_secondary_replicates_the_primary" {
  command = apply

  variables {
    environment                           = "prod"
    region                                = "us-west-2"
    private_subnet_cidrs                  = ["10.31.0.0/18", "10.31.64.0/18", "10.31.128.0/18"]
    data_kms_key_arn                      = "arn:aws:kms:us-west-2:333333333333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    logs_kms_key_arn                      = "arn:aws:kms:us-west-2:333333333333:key/1a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    primary_cluster_arn                   = "arn:aws:kafka:us-east-1:333333333333:cluster/ecom-prod-us-east-1-events/9f8e7d6c-1111-2222-3333-444455556666-3"
    primary_subnet_ids                    = ["subnet-east-a", "subnet-east-b", "subnet-east-c"]
    primary_replicator_security_group_ids = ["sg-east-replicator"]
    primary_schema_registry_arn           = "arn:aws:glue:us-east-1:333333333333:registry/ecom-prod-us-east-1-events"
  }

  assert {
    condition     = strcontains(module.msk.client_policies["payment-service-consumer"], "arn:aws:glue:us-east-1:333333333333:registry/ecom-prod-us-east-1-events") && length(jsondecode(module.msk.client_policies["payment-service-consumer"]).Statement[3].Resource) == 4
    error_message = "consumers in the secondary region read both registries (replicated records carry the primary's schema version ids)"
  }

  assert {
    condition     = output.replicator_arn != "" && module.msk.replicator_role_arn != null
    error_message = "prod's secondary region runs the replicator"
  }

  assert {
    condition     = module.msk.cluster_name == "ecom-prod-us-west-2-events" && length(output.replicator_security_group_ids) == 1
    error_message = "the secondary cluster with its replicator security group"
  }
}

run "staging_secondary_does_not_replicate" {
  command = plan

  variables {
    environment                           = "staging"
    region                                = "us-west-2"
    primary_cluster_arn                   = "arn:aws:kafka:us-east-1:222222222222:cluster/ecom-staging-us-east-1-events/9f8e7d6c-1111-2222-3333-444455556666-3"
    primary_subnet_ids                    = ["subnet-east-a", "subnet-east-b", "subnet-east-c"]
    primary_replicator_security_group_ids = []
  }

  assert {
    condition     = length(output.replicator_security_group_ids) == 0 && output.replicator_arn == ""
    error_message = "only environments with events.replication replicate"
  }
}

run "destroy_passes_empty_primary_inputs" {
  command = plan

  variables {
    environment         = "prod"
    region              = "us-east-1"
    primary_cluster_arn = ""
  }

  assert {
    condition     = output.replicator_arn == ""
    error_message = "an empty primary_cluster_arn (infra destroy's placeholder) means the primary"
  }
}

run "data_key_must_be_a_key_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    data_kms_key_arn = "alias/ecom-dev-data"
  }

  expect_failures = [var.data_kms_key_arn]
}

run "logs_key_must_be_a_key_arn" {
  command = plan

  variables {
    environment      = "dev"
    region           = "us-east-1"
    logs_kms_key_arn = ""
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "primary_cluster_must_be_a_cluster_arn" {
  command = plan

  variables {
    environment         = "prod"
    region              = "us-west-2"
    primary_cluster_arn = "arn:aws:kafka:us-east-1:333333333333:configuration/x/y"
  }

  expect_failures = [var.primary_cluster_arn]
}
