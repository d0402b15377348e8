# Managed node groups from data: one launch template each (IMDSv2 required with
# a hop limit of 1, so pods cannot reach the node's credentials; encrypted gp3
# root volume; the node and workload security groups), AL2023 images for the
# group's architecture (arm64 = Graviton), and an optional schedule that scales
# a group to zero outside working hours.

locals {
  ami_types = {
    x86_64 = "AL2023_x86_64_STANDARD"
    arm64  = "AL2023_ARM_64_STANDARD"
  }

  node_security_group_ids = concat([aws_security_group.node.id], var.node_security_group_ids)

  scheduled_node_groups = var.scale_down_schedule == null ? {} : {
    for k, g in var.node_groups : k => g if g.scale_down_outside_hours
  }
}

data "aws_iam_policy_document" "node_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name               = "${var.name}-node"
  description        = "EKS nodes of ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.node_assume.json

  tags = var.tags
}

# The VPC CNI (aws-node, host network) uses the node role; every other
# controller has its own Pod Identity role, and pods cannot reach the node's
# credentials (hop limit 1).
resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
  ])

  role       = aws_iam_role.node.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value}"
}

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name                   = "${var.name}-${each.key}"
  description            = "Nodes of ${var.name} node group ${each.key}"
  update_default_version = true
  vpc_security_group_ids = local.node_security_group_ids

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = each.value.disk_size_gib
      volume_type           = "gp3"
      iops                  = 3000
      throughput            = 125
      encrypted             = true
      kms_key_id            = var.node_volume_kms_key_arn
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.name}-${each.key}" })
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge(var.tags, { Name = "${var.name}-${each.key}" })
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = aws_eks_cluster.this.version
  ami_type        = local.ami_types[each.value.architecture]
  capacity_type   = each.value.capacity_type
  instance_types  = each.value.instance_types

  labels = merge({
    "ecom.io/node-group" = each.key
    "ecom.io/capacity"   = lower(each.value.capacity_type)
  }, each.value.labels)

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.desired_size
  }

  update_config {
    max_unavailable_percentage = each.value.max_unavailable_percentage
  }

  dynamic "taint" {
    for_each = each.value.taints

    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })

  lifecycle {
    # The cluster autoscaler (and the scale-down schedule) own the desired size
    # between min and max once the group exists.
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

resource "aws_autoscaling_schedule" "scale_down" {
  for_each = local.scheduled_node_groups

  scheduled_action_name  = "${var.name}-${each.key}-scale-down"
  autoscaling_group_name = aws_eks_node_group.this[each.key].resources[0].autoscaling_groups[0].name
  recurrence             = var.scale_down_schedule.down_recurrence
  time_zone              = var.scale_down_schedule.time_zone
  min_size               = 0
  max_size               = each.value.max_size
  desired_capacity       = 0
}

resource "aws_autoscaling_schedule" "scale_up" {
  for_each = local.scheduled_node_groups

  scheduled_action_name  = "${var.name}-${each.key}-scale-up"
  autoscaling_group_name = aws_eks_node_group.this[each.key].resources[0].autoscaling_groups[0].name
  recurrence             = var.scale_down_schedule.up_recurrence
  time_zone              = var.scale_down_schedule.time_zone
  min_size               = each.value.min_size
  max_size               = each.value.max_size
  desired_capacity       = each.value.desired_size
}
