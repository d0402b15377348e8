locals {
  data_dir = coalesce(var.data_dir, "${path.module}/../../environments")
  raw      = jsondecode(file("${local.data_dir}/${var.environment}.json"))

  region_overrides = try(local.raw.regions[var.region], {})

  # Per-region overrides (`regions.<region>.network`) are merged one level
  # deep over the environment's network section. Security settings are the
  # same in every region of an environment.
  network  = merge(local.raw.network, try(local.region_overrides.network, {}))
  security = local.raw.security

  is_production = local.raw.tier == "production"
  stack_region  = var.scope == "environment" ? "global" : var.region
  stack_id      = "${var.environment}-${local.stack_region}-${var.layer}"

  # Short region code for names that must stay short (e.g. "use1").
  region_code = join("", [for part in split("-", var.region) : substr(part, 0, part == split("-", var.region)[0] ? 2 : 1)])

  tags = {
    Project     = local.raw.project
    Environment = var.environment
    Region      = local.stack_region
    Stack       = local.stack_id
    Owner       = local.raw.owner
    CostCenter  = local.raw.cost_center
    ManagedBy   = "terraform"
  }
}
