data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

data "aws_subnet" "this" {
  count = length(var.subnet_ids)

  id = var.subnet_ids[count.index]
}

data "aws_ssm_parameter" "ami" {
  name = var.ami_ssm_parameter
}

locals {
  region      = data.aws_region.current.name
  partition   = data.aws_partition.current.partition
  bucket_name = var.backup.bucket_name
  az_count    = length(var.subnet_ids)

  # Node layout from the cluster shape alone (names, shards, replicas, AZ
  # index); spread over the AZs this module was given.
  servers = {
    for name, node in module.config.servers : name => merge(node, {
      subnet_index = node.az_index % local.az_count
    })
  }
  keepers = {
    for name, node in module.config.keepers : name => merge(node, {
      subnet_index = node.az_index % local.az_count
    })
  }

  # Each node keeps one network interface for life, so its address (what
  # the other nodes' configuration names) survives the replacement of its
  # instance.
  hosts = merge(
    { for name, eni in aws_network_interface.server : name => eni.private_ip },
    { for name, eni in aws_network_interface.keeper : name => eni.private_ip },
  )

  cluster_name = replace(var.name, "-", "_")

  backup_tags = var.backup_plan_name == null ? {} : { Backup = var.backup_plan_name }

  production_ok = {
    shards        = var.cluster.shards >= 2
    replicas      = var.cluster.replicas >= 2
    keepers       = var.cluster.keepers >= 3
    azs           = local.az_count >= 3
    volume        = var.cluster.data_volume_gib >= 500
    not_burstable = !can(regex("^t[0-9]", var.cluster.server_instance_type))
    keep_backups  = !var.backup.force_destroy
  }
}

module "config" {
  source = "./modules/config"

  cluster_name = local.cluster_name
  shards       = var.cluster.shards
  replicas     = var.cluster.replicas
  keepers      = var.cluster.keepers
  hosts        = local.hosts
  backup = {
    endpoint = "https://${local.bucket_name}.s3.${local.region}.amazonaws.com/backups/"
  }
}

# Checked once, before anything is created: the shape fits the AZs, and
# production meets its minimums.
resource "terraform_data" "checks" {
  input = {
    shards   = var.cluster.shards
    replicas = var.cluster.replicas
    keepers  = var.cluster.keepers
    azs      = local.az_count
  }

  lifecycle {
    precondition {
      condition     = var.cluster.replicas <= local.az_count
      error_message = "Each replica of a shard needs its own AZ: ${var.cluster.replicas} replicas need at least as many subnets, ${local.az_count} given."
    }

    precondition {
      condition     = var.cluster.keepers == 1 || local.az_count >= 3
      error_message = "A Keeper ensemble of ${var.cluster.keepers} must span 3 AZs (3 subnets) to survive the loss of one; ${local.az_count} given."
    }

    precondition {
      condition     = !var.is_production || (local.production_ok.shards && local.production_ok.replicas)
      error_message = "A production cluster needs at least 2 shards and 2 replicas per shard."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.keepers
      error_message = "A production cluster needs a Keeper ensemble of 3 or 5."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.azs
      error_message = "A production cluster must span 3 AZs (3 data subnets)."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.volume
      error_message = "A production cluster needs data volumes of at least 500 GiB."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.not_burstable
      error_message = "A production cluster must not use burstable (t*) server instances."
    }

    precondition {
      condition     = !var.is_production || local.production_ok.keep_backups
      error_message = "A production backup bucket must not be force_destroy."
    }
  }
}
