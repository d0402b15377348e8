# Network ACLs (see README, "Network ACLs"). Security groups do the fine
# filtering; NACLs fence the data tier and catch any subnet left on the default.

# The default NACL has no rules: a subnet not associated with one of the NACLs
# below (e.g. created by hand) gets no traffic at all.
resource "aws_default_network_acl" "this" {
  default_network_acl_id = aws_vpc.this.default_network_acl_id

  tags = merge(var.tags, { Name = "${var.name}-default-deny" })
}

# Public (load balancers and NAT gateways, which need the internet both ways,
# including ephemeral ports for NAT return traffic) and private (workloads and
# EKS pods, reached from the load balancers, talking to the internet through
# NAT and to AWS through endpoints): allow all; security groups filter.
resource "aws_network_acl" "open" {
  #checkov:skip=CKV2_AWS_1:Attached through subnet_ids to every public and private subnet; the for_each indirection hides the link from checkov's graph.
  #checkov:skip=CKV_AWS_231:Port 3389 lies in the NAT gateways' and load balancers' ephemeral range (1024-65535): denying it here would drop return traffic. No Windows hosts exist; security groups admit no 3389.
  for_each = {
    public  = [for az in local.azs : aws_subnet.public[az].id]
    private = [for az in local.azs : aws_subnet.private[az].id]
  }

  vpc_id     = aws_vpc.this.id
  subnet_ids = each.value

  # FTP and SSH from anywhere are refused before the allow (nothing here
  # serves them; below 1024, so no ephemeral return traffic is affected).
  ingress {
    rule_no    = 50
    action     = "deny"
    protocol   = "tcp"
    cidr_block = "0.0.0.0/0"
    from_port  = 20
    to_port    = 22
  }

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}", Tier = each.key })
}

# Data: databases. Traffic in from, and out to, the private subnets (clients)
# and the data subnets themselves (replication) only; everything else is denied.
resource "aws_network_acl" "data" {
  vpc_id     = aws_vpc.this.id
  subnet_ids = [for az in local.azs : aws_subnet.data[az].id]

  dynamic "ingress" {
    for_each = concat(local.private_cidrs, local.data_cidrs)

    content {
      rule_no    = 100 + ingress.key
      action     = "allow"
      protocol   = "-1"
      cidr_block = ingress.value
      from_port  = 0
      to_port    = 0
    }
  }

  dynamic "egress" {
    for_each = concat(local.private_cidrs, local.data_cidrs)

    content {
      rule_no    = 100 + egress.key
      action     = "allow"
      protocol   = "-1"
      cidr_block = egress.value
      from_port  = 0
      to_port    = 0
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-data", Tier = "data" })
}
