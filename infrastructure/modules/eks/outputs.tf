output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "URL of the Kubernetes API (private in production)."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA certificate of the Kubernetes API (for kubeconfig)."
  value       = try(aws_eks_cluster.this.certificate_authority[0].data, null)
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = aws_eks_cluster.this.version
}

output "oidc_issuer_url" {
  description = "OIDC issuer of the cluster (for IRSA, should a controller ever need it; the platform uses Pod Identity)."
  value       = try(aws_eks_cluster.this.identity[0].oidc[0].issuer, null)
}

output "cluster_security_group_id" {
  description = "Security group of the control plane's network interfaces that admits the nodes on 443."
  value       = aws_security_group.cluster.id
}

output "cluster_primary_security_group_id" {
  description = "The security group EKS created for the cluster."
  value       = try(aws_eks_cluster.this.vpc_config[0].cluster_security_group_id, null)
}

output "node_security_group_id" {
  description = "Security group of every node (control plane, node-to-node, HTTPS out). The edge layer admits its load balancers on it (the Envoy proxy ports)."
  value       = aws_security_group.node.id
}

output "node_role_arn" {
  description = "IAM role of the nodes."
  value       = aws_iam_role.node.arn
}

output "node_groups" {
  description = "Node groups by name: ARN, capacity type, AMI type and Auto Scaling group names."
  value = {
    for k, g in aws_eks_node_group.this : k => {
      arn                 = g.arn
      capacity_type       = g.capacity_type
      ami_type            = g.ami_type
      autoscaling_groups  = try([for r in g.resources : [for a in r.autoscaling_groups : a.name]][0], [])
      launch_template_id  = aws_launch_template.node[k].id
      launch_template_ver = aws_launch_template.node[k].latest_version
    }
  }
}

output "addons" {
  description = "Installed add-ons and their versions."
  value       = { for k, a in aws_eks_addon.this : k => a.addon_version }
}

output "pod_identity_role_arns" {
  description = "Pod Identity role of each controller (autoscaler, lb-controller, ebs-csi, external-dns, log-shipper, collector)."
  value       = { for k, r in aws_iam_role.controller : k => r.arn }
}

output "pod_identity_service_accounts" {
  description = "Namespace and service account each controller's role is bound to (the names the GitOps manifests use)."
  value       = { for k, c in local.controllers : k => "${c.namespace}/${c.service_account}" }
}

output "access_role_arns" {
  description = "IAM roles with cluster access: admin (AmazonEKSClusterAdminPolicy) and read-only (AmazonEKSViewPolicy)."
  value       = { for k, r in aws_iam_role.access : k => r.arn }
}

output "container_log_group_name" {
  description = "Log group the log shipper writes container logs to."
  value       = aws_cloudwatch_log_group.containers.name
}

output "control_plane_log_group_name" {
  description = "Log group of the control plane logs."
  value       = aws_cloudwatch_log_group.cluster.name
}

output "gitops_bridge" {
  description = "The cluster facts handed to Argo CD (docs/gitops.md): labels and annotations of the cluster's Argo CD cluster secret, which the ApplicationSets read."
  value = {
    cluster_name = aws_eks_cluster.this.name
    server       = aws_eks_cluster.this.endpoint
    labels = merge(var.gitops_labels, {
      "ecom.io/cluster" = aws_eks_cluster.this.name
    })
    annotations = {
      "ecom.io/aws-account-id"           = local.account_id
      "ecom.io/aws-region"               = local.region
      "ecom.io/aws-cluster-name"         = aws_eks_cluster.this.name
      "ecom.io/aws-cluster-arn"          = aws_eks_cluster.this.arn
      "ecom.io/aws-vpc-id"               = var.vpc_id
      "ecom.io/kubernetes-version"       = aws_eks_cluster.this.version
      "ecom.io/node-security-group-id"   = aws_security_group.node.id
      "ecom.io/container-log-group"      = aws_cloudwatch_log_group.containers.name
      "ecom.io/lb-controller-target-tag" = "${local.lb_controller_tag}=${var.name}"
    }
  }
}

output "endpoint_public_access" {
  description = "Whether the Kubernetes API also has a public endpoint (limited to the allow-listed CIDRs); false in production."
  value       = aws_eks_cluster.this.vpc_config[0].endpoint_public_access
}

output "node_group_security_group_ids" {
  description = "Security groups every node carries: the node group's own and the extra ones (the workload security group)."
  value       = local.node_security_group_ids
}

output "scheduled_node_groups" {
  description = "Node groups scaled to zero outside working hours (scale_down_schedule), with their down and up recurrences."
  value = {
    for k, s in aws_autoscaling_schedule.scale_down : k => {
      down = s.recurrence
      up   = aws_autoscaling_schedule.scale_up[k].recurrence
    }
  }
}
