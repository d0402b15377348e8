# Two groups: servers and keepers. Clients (the workload nodes) reach the
# servers on the native TLS port only; servers reach each other for
# distributed queries and replication, and the keepers on the Keeper port;
# keepers reach each other on the Raft port. The only other egress is HTTPS
# to S3 (backups, packages) through the VPC's gateway endpoint.

data "aws_ec2_managed_prefix_list" "s3" {
  name = "com.amazonaws.${local.region}.s3"
}

resource "aws_security_group" "server" {
  name        = "${var.name}-clickhouse-server"
  description = "ClickHouse servers of ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-clickhouse-server" })
}

resource "aws_security_group" "keeper" {
  name        = "${var.name}-clickhouse-keeper"
  description = "ClickHouse Keeper ensemble of ${var.name}"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-clickhouse-keeper" })
}

locals {
  ingress = merge(
    { for i, sg in var.client_security_group_ids : "server-clients-${i}" => {
      group = aws_security_group.server.id, source = sg, port = module.config.ports.native_secure, what = "ClickHouse native TLS from workload nodes"
    } },
    {
      server-native = { group = aws_security_group.server.id, source = aws_security_group.server.id, port = module.config.ports.native_secure, what = "Distributed queries between servers" }
      server-repl   = { group = aws_security_group.server.id, source = aws_security_group.server.id, port = module.config.ports.interserver_http, what = "Replication between servers" }
      keeper-client = { group = aws_security_group.keeper.id, source = aws_security_group.server.id, port = module.config.ports.keeper, what = "Keeper clients (servers)" }
      keeper-raft   = { group = aws_security_group.keeper.id, source = aws_security_group.keeper.id, port = module.config.ports.keeper_raft, what = "Keeper Raft" }
    },
  )

  egress = {
    server-native = { group = aws_security_group.server.id, target = aws_security_group.server.id, port = module.config.ports.native_secure, what = "Distributed queries between servers" }
    server-repl   = { group = aws_security_group.server.id, target = aws_security_group.server.id, port = module.config.ports.interserver_http, what = "Replication between servers" }
    server-keeper = { group = aws_security_group.server.id, target = aws_security_group.keeper.id, port = module.config.ports.keeper, what = "Keeper" }
    keeper-raft   = { group = aws_security_group.keeper.id, target = aws_security_group.keeper.id, port = module.config.ports.keeper_raft, what = "Keeper Raft" }
  }
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.ingress

  security_group_id            = each.value.group
  description                  = each.value.what
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.source

  tags = merge(var.tags, { Name = "${var.name}-clickhouse-${each.key}" })
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.egress

  security_group_id            = each.value.group
  description                  = each.value.what
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.target

  tags = merge(var.tags, { Name = "${var.name}-clickhouse-${each.key}" })
}

resource "aws_vpc_security_group_egress_rule" "s3" {
  for_each = {
    server = aws_security_group.server.id
    keeper = aws_security_group.keeper.id
  }

  security_group_id = each.value
  description       = "HTTPS to S3 (backups and packages) through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.s3.id

  tags = merge(var.tags, { Name = "${var.name}-clickhouse-${each.key}-s3" })
}
