# Control plane <-> nodes. The cluster security group (added to the control
# plane's network interfaces besides the one EKS creates) admits the nodes on
# 443; the node security group admits the control plane on the kubelet and
# webhook ports and every node of the cluster (pod-to-pod traffic; the VPC CNI
# gives pods the node's security groups, and NetworkPolicies narrow it per
# namespace). Nodes leave the VPC only on 443 (AWS APIs, ECR, public HTTPS).
# What a node may reach in the data subnets is the workload security group's
# (network stack), which every node also carries: only the data stores' ports.

resource "aws_security_group" "cluster" {
  name        = "${var.name}-cluster"
  description = "EKS control plane of ${var.name}: admits the nodes on 443"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-cluster" })
}

resource "aws_security_group" "node" {
  #checkov:skip=CKV2_AWS_5:Attached to every node through the node groups' launch templates (vpc_security_group_ids), which the check does not follow.
  name        = "${var.name}-node"
  description = "EKS nodes of ${var.name}: control plane, node-to-node, HTTPS out"
  vpc_id      = var.vpc_id

  # The cluster's own group (the tag tells controllers which of a node's
  # groups belongs to the cluster); the edge layer adds its load balancers'
  # ingress rules here.
  tags = merge(var.tags, {
    Name                                = "${var.name}-node"
    "kubernetes.io/cluster/${var.name}" = "owned"
  })
}

resource "aws_vpc_security_group_ingress_rule" "cluster_from_nodes" {
  security_group_id            = aws_security_group.cluster.id
  description                  = "Kubernetes API from the nodes"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.node.id

  tags = merge(var.tags, { Name = "${var.name}-cluster-from-nodes" })
}

resource "aws_vpc_security_group_egress_rule" "cluster_to_nodes" {
  for_each = toset([for p in var.webhook_ports : tostring(p)])

  security_group_id            = aws_security_group.cluster.id
  description                  = "Kubelet and webhooks on the nodes (${each.value})"
  ip_protocol                  = "tcp"
  from_port                    = tonumber(each.value)
  to_port                      = tonumber(each.value)
  referenced_security_group_id = aws_security_group.node.id

  tags = merge(var.tags, { Name = "${var.name}-cluster-to-nodes-${each.value}" })
}

resource "aws_vpc_security_group_ingress_rule" "node_from_cluster" {
  for_each = toset([for p in var.webhook_ports : tostring(p)])

  security_group_id            = aws_security_group.node.id
  description                  = "Kubelet and webhooks from the control plane (${each.value})"
  ip_protocol                  = "tcp"
  from_port                    = tonumber(each.value)
  to_port                      = tonumber(each.value)
  referenced_security_group_id = aws_security_group.cluster.id

  tags = merge(var.tags, { Name = "${var.name}-node-from-cluster-${each.value}" })
}

resource "aws_vpc_security_group_ingress_rule" "node_from_nodes" {
  security_group_id            = aws_security_group.node.id
  description                  = "Node-to-node and pod-to-pod traffic inside the cluster"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.node.id

  tags = merge(var.tags, { Name = "${var.name}-node-from-nodes" })
}

resource "aws_vpc_security_group_egress_rule" "node_to_nodes" {
  security_group_id            = aws_security_group.node.id
  description                  = "Node-to-node and pod-to-pod traffic inside the cluster"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.node.id

  tags = merge(var.tags, { Name = "${var.name}-node-to-nodes" })
}

resource "aws_vpc_security_group_egress_rule" "node_to_cluster" {
  security_group_id            = aws_security_group.node.id
  description                  = "Kubernetes API"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.cluster.id

  tags = merge(var.tags, { Name = "${var.name}-node-to-cluster" })
}

resource "aws_vpc_security_group_egress_rule" "node_https" {
  security_group_id = aws_security_group.node.id
  description       = "HTTPS: AWS APIs, ECR, interface endpoints, public HTTPS through NAT"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = merge(var.tags, { Name = "${var.name}-node-https" })
}
