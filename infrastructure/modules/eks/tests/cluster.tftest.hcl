# The control plane: authentication through access entries, secrets encrypted
# with the given key, control plane logs, endpoint access per environment.

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

run "private_endpoint_in_production" {
  command = plan

  variables {
    production = true
    node_groups = {
      system = { instance_types = ["m7g.large"], architecture = "arm64", min_size = 2, max_size = 4, desired_size = 3 }
    }
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == false && aws_eks_cluster.this.vpc_config[0].endpoint_private_access == true
    error_message = "production: private endpoint only"
  }
}

run "allow_listed_public_endpoint_elsewhere" {
  command = plan

  variables {
    endpoint = { public_access = true, public_access_cidrs = ["203.0.113.0/24"] }
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access && aws_eks_cluster.this.vpc_config[0].endpoint_private_access
    error_message = "dev: private endpoint plus a public one"
  }

  assert {
    condition     = toset(aws_eks_cluster.this.vpc_config[0].public_access_cidrs) == toset(["203.0.113.0/24"])
    error_message = "the public endpoint admits only the allow-listed CIDRs"
  }
}

run "control_plane" {
  command = apply

  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API" && aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions == false
    error_message = "access through access entries only: mode API, no implicit admin for the creator"
  }

  assert {
    condition     = one(aws_eks_cluster.this.encryption_config[0].provider[*].key_arn) == var.secrets_kms_key_arn && aws_eks_cluster.this.encryption_config[0].resources == toset(["secrets"])
    error_message = "secrets are envelope-encrypted with the secrets key"
  }

  assert {
    condition     = length(aws_eks_cluster.this.enabled_cluster_log_types) == 5 && aws_cloudwatch_log_group.cluster.name == "/aws/eks/ecom-dev-us-east-1/cluster" && aws_cloudwatch_log_group.cluster.kms_key_id == var.logs_kms_key_arn
    error_message = "all control plane logs go to /aws/eks/<name>/cluster, encrypted with the logs key"
  }

  assert {
    condition     = aws_eks_cluster.this.version == "1.32" && aws_eks_cluster.this.upgrade_policy[0].support_type == "STANDARD"
    error_message = "version from the data, standard support (no extended-support charges)"
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].security_group_ids == toset([aws_security_group.cluster.id])
    error_message = "the control plane carries the cluster security group"
  }

  assert {
    condition     = aws_iam_role_policy_attachment.cluster.policy_arn == "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
    error_message = "the cluster role has AmazonEKSClusterPolicy"
  }
}
