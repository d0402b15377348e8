# The database admits PostgreSQL only from the workload nodes, the proxy and
# its own members; the proxy admits only the workload nodes.

resource "aws_security_group" "this" {
  name        = local.identifier
  description = "PostgreSQL ${local.identifier}: workload nodes, the proxy and its own members on ${local.port}"
  vpc_id      = var.vpc_id

  tags = { Name = local.identifier }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.clients

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = { Name = "${local.identifier}-clients-${each.key}" }
}

resource "aws_vpc_security_group_ingress_rule" "self" {
  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL between the store's own members"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.this.id

  tags = { Name = "${local.identifier}-self" }
}

resource "aws_vpc_security_group_ingress_rule" "proxy" {
  count = local.proxy ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from the RDS Proxy"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.proxy[0].id

  tags = { Name = "${local.identifier}-proxy" }
}

resource "aws_security_group" "proxy" {
  #checkov:skip=CKV2_AWS_5:Attached to the RDS Proxy (aws_db_proxy.vpc_security_group_ids), which the check does not know.
  count = local.proxy ? 1 : 0

  name        = "${local.identifier}-proxy"
  description = "RDS Proxy ${local.identifier}: workload nodes on ${local.port}, out to the database only"
  vpc_id      = var.vpc_id

  tags = { Name = "${local.identifier}-proxy" }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "proxy_clients" {
  for_each = local.proxy ? local.clients : {}

  security_group_id            = aws_security_group.proxy[0].id
  description                  = "PostgreSQL from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = { Name = "${local.identifier}-proxy-clients-${each.key}" }
}

resource "aws_vpc_security_group_egress_rule" "proxy_database" {
  count = local.proxy ? 1 : 0

  security_group_id            = aws_security_group.proxy[0].id
  description                  = "PostgreSQL to the database"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.this.id

  tags = { Name = "${local.identifier}-proxy-database" }
}
