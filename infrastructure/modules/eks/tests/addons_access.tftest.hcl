# Add-ons (the five core ones, after the node groups), access entries (admin
# and read-only), Pod Identity roles per controller, security groups.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                = "ecom-dev-us-east-1"
  kubernetes_version  = "1.32"
  vpc_id              = "vpc-0a1b2c3d"
  subnet_ids          = ["subnet-0a", "subnet-0b", "subnet-0c"]
  secrets_kms_key_arn = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555"
  logs_kms_key_arn    = "arn:aws:kms:us-east-1:111111111111:key/66666666-7777-8888-9999-000000000000"
  node_groups = {
    system = { instance_types = ["m7g.large"], architecture = "arm64", min_size = 1, max_size = 3, desired_size = 2 }
  }
}

run "addons" {
  command = apply

  variables {
    addons = {
      "vpc-cni"                = { version = "v1.19.5-eksbuild.1" }
      "coredns"                = {}
      "kube-proxy"             = {}
      "aws-ebs-csi-driver"     = { configuration_values = "{\"controller\":{\"replicaCount\":2}}" }
      "eks-pod-identity-agent" = {}
    }
  }

  assert {
    condition     = toset(keys(aws_eks_addon.this)) == toset(["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "eks-pod-identity-agent"])
    error_message = "the five core add-ons"
  }

  assert {
    condition     = aws_eks_addon.this["vpc-cni"].addon_version == "v1.19.5-eksbuild.1"
    error_message = "a pinned add-on version is sent"
  }

  assert {
    condition     = jsondecode(aws_eks_addon.this["aws-ebs-csi-driver"].configuration_values) == { controller = { k8sTagClusterId = "ecom-dev-us-east-1", replicaCount = 2 } }
    error_message = "the EBS CSI driver tags its volumes with the cluster (merged with the caller's values)"
  }

  assert {
    condition     = jsondecode(aws_eks_addon.this["vpc-cni"].configuration_values) == { enableNetworkPolicy = "true" }
    error_message = "the VPC CNI enforces NetworkPolicies"
  }

  assert {
    condition     = alltrue([for a in aws_eks_addon.this : a.resolve_conflicts_on_create == "OVERWRITE" && a.cluster_name == "ecom-dev-us-east-1"])
    error_message = "add-ons take over the self-managed defaults"
  }
}

run "access_entries" {
  command = apply

  variables {
    access = { admin_principal_arns = ["arn:aws:iam::111111111111:role/platform-admins"] }
  }

  assert {
    condition     = toset(keys(aws_eks_access_entry.this)) == toset(["admin", "read-only"]) && alltrue([for e in aws_eks_access_entry.this : e.type == "STANDARD"])
    error_message = "an admin and a read-only access entry"
  }

  assert {
    condition     = aws_eks_access_policy_association.this["admin"].policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" && aws_eks_access_policy_association.this["admin"].access_scope[0].type == "cluster"
    error_message = "admin: cluster admin policy, cluster-wide"
  }

  assert {
    condition     = aws_eks_access_policy_association.this["read-only"].policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy" && aws_eks_access_policy_association.this["read-only"].access_scope[0].type == "cluster"
    error_message = "read-only: view policy, cluster-wide"
  }

  assert {
    condition     = aws_iam_role.access["admin"].name == "ecom-dev-us-east-1-admin" && aws_iam_role.access["read-only"].name == "ecom-dev-us-east-1-read-only"
    error_message = "role names"
  }

  assert {
    condition     = jsonencode(local.access_roles["admin"].principals) == jsonencode(["arn:aws:iam::111111111111:role/platform-admins"]) && jsonencode(local.access_roles["read-only"].principals) == jsonencode(["arn:aws:iam::111111111111:root"])
    error_message = "the admin role trusts the given principals; read-only falls back to the account"
  }

  assert {
    condition     = local.access_roles["admin"].by_tag == false && local.access_roles["read-only"].by_tag == true
    error_message = "trusting the account requires the ecom:eks-access principal tag; named principals do not"
  }
}

run "pod_identity" {
  command = apply

  assert {
    condition     = toset(keys(aws_eks_pod_identity_association.this)) == toset(["autoscaler", "lb-controller", "ebs-csi", "external-dns", "log-shipper", "collector"])
    error_message = "one Pod Identity association per controller"
  }

  assert {
    condition     = aws_eks_pod_identity_association.this["ebs-csi"].namespace == "kube-system" && aws_eks_pod_identity_association.this["ebs-csi"].service_account == "ebs-csi-controller-sa" && aws_eks_pod_identity_association.this["external-dns"].namespace == "external-dns"
    error_message = "associations bind the service accounts the manifests use"
  }

  assert {
    condition     = alltrue([for k, a in aws_eks_pod_identity_association.this : a.role_arn == aws_iam_role.controller[k].arn])
    error_message = "each controller has its own role"
  }

  assert {
    condition     = length(distinct([for r in aws_iam_role.controller : r.name])) == 6 && aws_iam_role.controller["lb-controller"].name == "ecom-dev-us-east-1-lb-controller"
    error_message = "six distinct roles named after the cluster"
  }

  assert {
    condition     = local.cluster_arn == "arn:aws:eks:us-east-1:111111111111:cluster/ecom-dev-us-east-1" && local.container_logs_arn == "arn:aws:logs:us-east-1:111111111111:log-group:/aws/eks/ecom-dev-us-east-1/containers"
    error_message = "trust and log permissions are scoped to this cluster"
  }

  assert {
    condition     = output.gitops_bridge.labels["ecom.io/cluster"] == "ecom-dev-us-east-1" && output.gitops_bridge.annotations["ecom.io/aws-region"] == "us-east-1" && output.gitops_bridge.annotations["ecom.io/aws-vpc-id"] == "vpc-0a1b2c3d"
    error_message = "the GitOps bridge carries the cluster facts"
  }
}

run "security_groups" {
  command = apply

  override_resource {
    target = aws_security_group.cluster
    values = { id = "sg-0c1a55e500000000c" }
  }

  override_resource {
    target = aws_security_group.node
    values = { id = "sg-0d0de00000000000d" }
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.cluster_from_nodes.from_port == 443 && aws_vpc_security_group_ingress_rule.cluster_from_nodes.referenced_security_group_id == aws_security_group.node.id
    error_message = "the control plane admits the nodes on 443"
  }

  assert {
    condition     = contains(keys(aws_vpc_security_group_ingress_rule.node_from_cluster), "10250") && alltrue([for r in aws_vpc_security_group_ingress_rule.node_from_cluster : r.referenced_security_group_id == aws_security_group.cluster.id])
    error_message = "the nodes admit the control plane on the kubelet and webhook ports"
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.node_https.from_port == 443 && aws_vpc_security_group_egress_rule.node_https.to_port == 443 && aws_vpc_security_group_egress_rule.node_https.cidr_ipv4 == "0.0.0.0/0"
    error_message = "nodes leave the VPC on 443 only"
  }

  assert {
    condition     = aws_security_group.node.tags["kubernetes.io/cluster/ecom-dev-us-east-1"] == "owned"
    error_message = "the node security group carries the cluster ownership tag"
  }
}
