# Plan-level tests of the EKS stack: each environment's `eks` data reaches the
# module (endpoint access, node groups, schedule, production rules), the
# inputs are wired, and the common tags name the stack.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111111111111"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition = "aws"
    }
  }

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_resource "aws_eks_cluster" {
    defaults = {
      arn      = "arn:aws:eks:us-east-1:111111111111:cluster/ecom-dev-us-east-1"
      endpoint = "https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111111111111:role/ecom-mock"
    }
  }

  mock_resource "aws_launch_template" {
    defaults = {
      id             = "lt-0a1b2c3d4e5f67890"
      latest_version = 1
    }
  }

  mock_resource "aws_security_group" {
    defaults = {
      id = "sg-0123456789abcdef0"
    }
  }

  mock_resource "aws_eks_node_group" {
    defaults = {
      resources = [{
        autoscaling_groups              = [{ name = "eks-mock-0a1b2c3d" }]
        remote_access_security_group_id = ""
      }]
    }
  }
}

variables {
  vpc_id                     = "vpc-0a1b2c3d"
  private_subnet_ids         = ["subnet-0a", "subnet-0b", "subnet-0c"]
  workload_security_group_id = "sg-0a1b2c3d4e5f00001"
  secrets_kms_key_arn        = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555"
  logs_kms_key_arn           = "arn:aws:kms:us-east-1:111111111111:key/66666666-7777-8888-9999-000000000000"
}

run "dev_us_east_1" {
  command = apply

  variables {
    environment = "dev"
    region      = "us-east-1"
  }

  assert {
    condition     = output.cluster_name == "ecom-dev-us-east-1" && module.eks.cluster_version == "1.32"
    error_message = "dev cluster name and version from the data"
  }

  assert {
    condition     = module.eks.node_groups["workload"].capacity_type == "SPOT" && module.eks.node_groups["system"].capacity_type == "ON_DEMAND" && module.eks.node_groups["system"].ami_type == "AL2023_ARM_64_STANDARD"
    error_message = "dev: spot workload group, on-demand system group, Graviton"
  }

  assert {
    condition     = length(module.eks.node_groups) == 2
    error_message = "dev has a system and a workload group"
  }

  assert {
    condition     = module.eks.endpoint_public_access == true
    error_message = "dev: a public endpoint beside the private one (allow-listed CIDRs)"
  }

  assert {
    condition     = contains(module.eks.node_group_security_group_ids, "sg-0a1b2c3d4e5f00001")
    error_message = "every node carries the network stack's workload security group"
  }

  assert {
    condition     = keys(module.eks.scheduled_node_groups) == ["workload"] && module.eks.scheduled_node_groups["workload"].down == "0 20 * * MON-FRI"
    error_message = "dev: the workload group scales down outside working hours"
  }

  assert {
    condition     = output.gitops_bridge.labels == { "ecom.io/environment" = "dev", "ecom.io/region" = "us-east-1", "ecom.io/tier" = "non-production", "ecom.io/cluster" = "ecom-dev-us-east-1" }
    error_message = "the bridge labels name environment, region, tier and cluster"
  }

  assert {
    condition     = module.environment.tags.Stack == "dev-us-east-1-eks"
    error_message = "the common tags name dev-us-east-1-eks"
  }
}

run "prod_us_west_2" {
  command = apply

  variables {
    environment = "prod"
    region      = "us-west-2"
  }

  assert {
    condition     = output.cluster_name == "ecom-prod-us-west-2"
    error_message = "prod cluster in us-west-2"
  }

  assert {
    condition     = module.eks.node_groups["workload"].capacity_type == "ON_DEMAND" && module.eks.node_groups["workload-spot"].capacity_type == "SPOT" && length(module.eks.node_groups) == 3
    error_message = "prod: on-demand plus spot workload groups beside the system group"
  }

  assert {
    condition     = module.eks.endpoint_public_access == false && length(module.eks.scheduled_node_groups) == 0
    error_message = "prod: private endpoint only, no scale-down schedule"
  }

  assert {
    condition     = output.gitops_bridge.labels["ecom.io/tier"] == "production" && output.gitops_bridge.labels["ecom.io/environment"] == "prod"
    error_message = "prod bridge labels"
  }
}

run "staging_us_east_1" {
  command = apply

  variables {
    environment = "staging"
    region      = "us-east-1"
  }

  assert {
    condition     = module.eks.node_groups["workload"].capacity_type == "SPOT" && length(module.eks.node_groups) == 2
    error_message = "staging: spot workload group"
  }
}
