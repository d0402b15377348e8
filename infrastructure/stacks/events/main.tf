# Event streaming of one environment and region: the MSK cluster sized from
# the environment's `events` data, the Glue schema registry holding the
# schemas of events/schemas, and the client IAM policies built from
# events/topics.json. In the secondary region of an environment with
# `events.replication`, an MSK Replicator copies the primary's topics here.

module "environment" {
  source = "../../modules/environment"

  environment = var.environment
  region      = var.region
  layer       = "events"
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [module.environment.account_id]

  default_tags {
    tags = module.environment.tags
  }
}

locals {
  events  = module.environment.settings.events
  catalog = jsondecode(file("${path.module}/../../../events/topics.json"))
  topics  = { for name, t in local.catalog.topics : name => merge(local.catalog.defaults, t) }

  # The primary region's stack gets no primary_* inputs (stacks.toml reads
  # them from events@primary); `infra destroy` may pass "" for a missing one.
  is_primary = var.primary_cluster_arn == null || var.primary_cluster_arn == ""
  replicated = local.events.replication && length(module.environment.regions) > 1
}

module "schema_registry" {
  source = "../../modules/schema-registry"

  name          = "${module.environment.regional_prefix}-events"
  description   = "Event schemas of ${module.environment.name_prefix} (events/schemas)"
  compatibility = local.catalog.schema_registry.compatibility
  data_format   = local.catalog.schema_registry.data_format

  schemas = {
    for t in values(local.topics) : t.schema => {
      # Compact JSON: the registry stores the text as sent.
      definition  = jsonencode(jsondecode(file("${path.module}/../../../events/schemas/${t.schema}.avsc")))
      description = t.description
    }
  }
}

module "msk" {
  source = "../../modules/msk"

  name          = "${module.environment.regional_prefix}-events"
  kafka_version = local.events.kafka_version

  brokers = {
    instance_type       = local.events.broker_instance_type
    count               = local.events.broker_count
    volume_size         = local.events.broker_volume_gb
    max_volume_size     = local.events.max_broker_volume_gb
    enhanced_monitoring = local.events.enhanced_monitoring
  }

  server_properties = {
    default_replication_factor = local.events.default_replication_factor
    min_insync_replicas        = local.events.min_insync_replicas
    log_retention_hours        = local.events.log_retention_hours
  }

  # Brokers in the data subnets, admitting the workload security group (the
  # network's segmentation); Prometheus scrapes the exporters from the
  # private subnets.
  vpc_id                    = var.vpc_id
  subnet_ids                = var.data_subnet_ids
  client_security_group_ids = [var.workload_security_group_id]
  monitoring_cidrs          = var.private_subnet_cidrs
  at_rest_kms_key_arn       = var.data_kms_key_arn
  sasl_scram                = local.events.sasl_scram

  logs = {
    kms_key_arn    = var.logs_kms_key_arn
    retention_days = module.environment.security.log_retention_days
  }

  topics = local.topics
  # Replicated records carry the primary registry's schema version ids, so
  # consumers in the secondary region read both registries.
  schema_registry_arns = local.is_primary ? [module.schema_registry.registry_arn] : compact([module.schema_registry.registry_arn, var.primary_schema_registry_arn])

  create_replicator_security_group = local.replicated
  replication = local.replicated && !local.is_primary ? {
    source_cluster_arn        = var.primary_cluster_arn
    source_subnet_ids         = var.primary_subnet_ids
    source_security_group_ids = var.primary_replicator_security_group_ids
  } : null
}
