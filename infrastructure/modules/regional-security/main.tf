data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name
}

resource "aws_accessanalyzer_analyzer" "this" {
  count = var.enable_access_analyzer ? 1 : 0

  analyzer_name = "${var.name_prefix}-account"
  type          = "ACCOUNT"

  tags = merge(var.tags, { Name = "${var.name_prefix}-account" })
}
