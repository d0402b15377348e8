# Outputs later layers (edge, observability, delivery) and the GitOps bridge take.

output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = module.eks.cluster_name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = module.eks.cluster_arn
}

output "cluster_endpoint" {
  description = "URL of the Kubernetes API (private only in prod)."
  value       = module.eks.cluster_endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA certificate of the Kubernetes API (kubeconfig)."
  value       = module.eks.cluster_certificate_authority_data
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = module.eks.cluster_version
}

output "cluster_security_group_id" {
  description = "Security group of the control plane's interfaces (admits the nodes on 443)."
  value       = module.eks.cluster_security_group_id
}

output "node_security_group_id" {
  description = "Security group of every node; the edge layer admits its load balancers on it (ingress rules to the Envoy proxy ports 8080 and 9090)."
  value       = module.eks.node_security_group_id
}

output "node_role_arn" {
  description = "IAM role of the nodes."
  value       = module.eks.node_role_arn
}

output "node_groups" {
  description = "Node groups: ARN, capacity type, AMI type, Auto Scaling groups."
  value       = module.eks.node_groups
}

output "oidc_issuer_url" {
  description = "OIDC issuer of the cluster (IRSA, if a controller ever needs it; the platform uses Pod Identity)."
  value       = module.eks.oidc_issuer_url
}

output "pod_identity_role_arns" {
  description = "Pod Identity role of each controller (autoscaler, lb-controller, ebs-csi, external-dns, log-shipper, collector)."
  value       = module.eks.pod_identity_role_arns
}

output "access_role_arns" {
  description = "Roles with cluster access: admin and read-only."
  value       = module.eks.access_role_arns
}

output "container_log_group_name" {
  description = "Log group of the container logs (log shipper)."
  value       = module.eks.container_log_group_name
}

output "gitops_bridge" {
  description = "Cluster facts for Argo CD: labels and annotations of the cluster's Argo CD cluster secret (docs/gitops.md)."
  value       = module.eks.gitops_bridge
}
