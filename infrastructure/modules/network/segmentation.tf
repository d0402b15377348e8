# Zero-trust segmentation between tiers. The workload security group is the
# identity of "a workload node": the EKS layer attaches it to every node, and
# every data store and the Kafka brokers admit clients from it (by security
# group reference, never by CIDR), each on its own port. Its only egress is to
# the data subnets on the data stores' ports; everything else a node needs
# comes from the EKS layer's own node security group.
resource "aws_security_group" "workload" {
  #checkov:skip=CKV2_AWS_5:Attached by the eks stack's node launch templates (another state, which checkov does not see in this plan).
  name        = "${var.name}-workload"
  description = "Workload nodes: the source the data stores and Kafka admit"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-workload", Tier = "private" })
}

resource "aws_vpc_security_group_egress_rule" "workload_data" {
  for_each = {
    for pair in setproduct(keys(var.data_ports), range(length(local.azs))) :
    "${pair[0]}-${local.azs[pair[1]]}" => {
      store = pair[0]
      port  = var.data_ports[pair[0]]
      cidr  = local.data_cidrs[pair[1]]
      az    = local.azs[pair[1]]
    }
  }

  security_group_id = aws_security_group.workload.id
  description       = "${each.value.store} in the data subnet of ${each.value.az}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr

  tags = merge(var.tags, { Name = "${var.name}-workload-${each.key}" })
}
