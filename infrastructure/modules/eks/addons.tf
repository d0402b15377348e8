# EKS add-ons, created after the node groups (CoreDNS and the EBS CSI
# controller stay degraded without nodes to run on: on AWS the add-on waits
# about 20 minutes and fails) and after the Pod Identity associations (the EBS
# CSI controller starts with its credentials).

locals {
  # Settings the module adds to the caller's configuration values.
  addon_defaults = {
    # Tags every volume and snapshot with kubernetes.io/cluster/<name>=owned,
    # the tag the driver's Pod Identity policy is scoped to.
    "aws-ebs-csi-driver" = { controller = { k8sTagClusterId = var.name } }
    # The VPC CNI's network policy agent enforces the namespaces'
    # NetworkPolicies (default deny, gitops/platform/components/tenant).
    "vpc-cni" = { enableNetworkPolicy = "true" }
  }

  addon_caller_values = {
    for name, addon in var.addons : name => addon.configuration_values == null ? {} : jsondecode(addon.configuration_values)
  }

  # Two levels deep: the caller's keys win, and a section both set (e.g.
  # `controller`) keeps the module's settings the caller does not name.
  addon_configuration = {
    for name, addon in var.addons : name => (
      contains(keys(local.addon_defaults), name)
      ? jsonencode(merge(
        local.addon_defaults[name],
        local.addon_caller_values[name],
        {
          for section, settings in local.addon_defaults[name] : section => merge(settings, local.addon_caller_values[name][section])
          if can(keys(local.addon_caller_values[name][section]))
        },
      ))
      : addon.configuration_values
    )
  }
}

resource "aws_eks_addon" "this" {
  for_each = var.addons

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  configuration_values        = local.addon_configuration[each.key]
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags

  depends_on = [
    aws_eks_node_group.this,
    aws_eks_pod_identity_association.this,
  ]
}
