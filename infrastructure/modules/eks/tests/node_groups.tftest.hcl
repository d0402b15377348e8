# Node groups from data, as the environments size them: launch templates
# (IMDSv2, hop limit 1, encrypted gp3, the workload security group), Graviton
# where the data says arm64, spot and on-demand, the dev scale-down schedule.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                    = "ecom-dev-us-east-1"
  kubernetes_version      = "1.32"
  vpc_id                  = "vpc-0a1b2c3d"
  subnet_ids              = ["subnet-0a", "subnet-0b", "subnet-0c"]
  secrets_kms_key_arn     = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555"
  logs_kms_key_arn        = "arn:aws:kms:us-east-1:111111111111:key/66666666-7777-8888-9999-000000000000"
  node_security_group_ids = ["sg-0a1b2c3d4e"]
}

run "dev_sizing_spot_graviton_and_schedule" {
  command = apply

  variables {
    node_groups = {
      system   = { instance_types = ["t4g.large"], architecture = "arm64", min_size = 1, max_size = 2, desired_size = 1, disk_size_gib = 30, taints = [{ key = "CriticalAddonsOnly", value = "true", effect = "NO_SCHEDULE" }] }
      workload = { instance_types = ["m7g.large", "m6g.large"], capacity_type = "SPOT", architecture = "arm64", min_size = 0, max_size = 4, desired_size = 1, scale_down_outside_hours = true }
    }
    scale_down_schedule = { down_recurrence = "0 20 * * MON-FRI", up_recurrence = "0 7 * * MON-FRI", time_zone = "Europe/Berlin" }
  }

  assert {
    condition     = aws_eks_node_group.this["workload"].capacity_type == "SPOT" && aws_eks_node_group.this["system"].capacity_type == "ON_DEMAND"
    error_message = "dev: workload on spot, system on demand"
  }

  assert {
    condition     = aws_eks_node_group.this["workload"].ami_type == "AL2023_ARM_64_STANDARD" && aws_eks_node_group.this["system"].ami_type == "AL2023_ARM_64_STANDARD"
    error_message = "arm64 groups run the AL2023 arm64 (Graviton) image"
  }

  assert {
    condition     = aws_eks_node_group.this["workload"].scaling_config[0].min_size == 0 && aws_eks_node_group.this["workload"].scaling_config[0].max_size == 4 && aws_eks_node_group.this["workload"].scaling_config[0].desired_size == 1
    error_message = "min/max/desired come from the data"
  }

  assert {
    condition     = one(aws_eks_node_group.this["system"].taint[*].key) == "CriticalAddonsOnly" && aws_eks_node_group.this["system"].labels["ecom.io/node-group"] == "system" && aws_eks_node_group.this["workload"].labels["ecom.io/capacity"] == "spot"
    error_message = "labels and taints from the data"
  }

  assert {
    condition     = aws_launch_template.node["system"].block_device_mappings[0].ebs[0].volume_size == 30 && aws_launch_template.node["workload"].block_device_mappings[0].ebs[0].volume_size == 50
    error_message = "root volume size from the data (default 50 GiB)"
  }

  assert {
    condition     = aws_autoscaling_schedule.scale_down["workload"].desired_capacity == 0 && aws_autoscaling_schedule.scale_down["workload"].min_size == 0 && aws_autoscaling_schedule.scale_down["workload"].recurrence == "0 20 * * MON-FRI" && aws_autoscaling_schedule.scale_down["workload"].time_zone == "Europe/Berlin"
    error_message = "the workload group scales to zero in the evening"
  }

  assert {
    condition     = aws_autoscaling_schedule.scale_up["workload"].desired_capacity == 1 && aws_autoscaling_schedule.scale_up["workload"].min_size == 0 && aws_autoscaling_schedule.scale_up["workload"].max_size == 4
    error_message = "and back to its data sizes in the morning"
  }

  assert {
    condition     = length(aws_autoscaling_schedule.scale_down) == 1 && !contains(keys(aws_autoscaling_schedule.scale_down), "system")
    error_message = "only groups with scale_down_outside_hours are scheduled"
  }
}

run "launch_templates_protect_the_node" {
  command = apply

  variables {
    node_groups = {
      system = { instance_types = ["m7i.large"], min_size = 2, max_size = 4, desired_size = 2 }
    }
  }

  assert {
    condition = alltrue([for lt in aws_launch_template.node : (
      lt.metadata_options[0].http_tokens == "required" &&
      lt.metadata_options[0].http_put_response_hop_limit == 1 &&
      lt.metadata_options[0].http_endpoint == "enabled"
    )])
    error_message = "IMDSv2 required with a hop limit of 1: pods cannot reach the node's credentials"
  }

  assert {
    condition = alltrue([for lt in aws_launch_template.node : (
      lt.block_device_mappings[0].ebs[0].encrypted == "true" &&
      lt.block_device_mappings[0].ebs[0].volume_type == "gp3" &&
      lt.block_device_mappings[0].device_name == "/dev/xvda"
    )])
    error_message = "encrypted gp3 root volumes"
  }

  assert {
    condition     = toset(aws_launch_template.node["system"].vpc_security_group_ids) == toset([aws_security_group.node.id, "sg-0a1b2c3d4e"])
    error_message = "nodes carry the node security group and the workload security group"
  }

  assert {
    condition     = aws_eks_node_group.this["system"].ami_type == "AL2023_x86_64_STANDARD" && aws_eks_node_group.this["system"].launch_template[0].id == aws_launch_template.node["system"].id
    error_message = "x86_64 groups run the AL2023 x86_64 image from their launch template"
  }

  assert {
    condition     = length(aws_autoscaling_schedule.scale_down) == 0 && length(aws_autoscaling_schedule.scale_up) == 0
    error_message = "no schedule without scale_down_schedule"
  }

  assert {
    condition     = toset(keys(aws_iam_role_policy_attachment.node)) == toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"])
    error_message = "the node role has the worker, CNI and ECR read-only policies, nothing more"
  }
}

run "prod_on_demand_plus_spot" {
  command = apply

  variables {
    production = true
    node_groups = {
      system        = { instance_types = ["m7g.xlarge"], architecture = "arm64", min_size = 3, max_size = 6, desired_size = 3 }
      workload      = { instance_types = ["m7g.2xlarge", "m6g.2xlarge"], architecture = "arm64", min_size = 3, max_size = 12, desired_size = 3 }
      workload-spot = { instance_types = ["m7g.2xlarge", "m6g.2xlarge", "c7g.2xlarge"], capacity_type = "SPOT", architecture = "arm64", min_size = 0, max_size = 24, desired_size = 3 }
    }
  }

  assert {
    condition     = aws_eks_node_group.this["workload"].capacity_type == "ON_DEMAND" && aws_eks_node_group.this["workload-spot"].capacity_type == "SPOT"
    error_message = "prod: on-demand plus spot workload groups"
  }

  assert {
    condition     = aws_eks_node_group.this["system"].scaling_config[0].min_size == 3 && aws_eks_node_group.this["workload-spot"].scaling_config[0].max_size == 24
    error_message = "prod sizes from the data"
  }

  assert {
    condition     = length(aws_launch_template.node) == 3 && length(aws_eks_node_group.this) == 3
    error_message = "one launch template per node group"
  }
}
