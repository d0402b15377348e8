# Every validation rule and precondition of the module fails on a bad value.

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
    system = { instance_types = ["m7g.large"], architecture = "arm64", min_size = 2, max_size = 4, desired_size = 2 }
  }
}

run "name_too_long" {
  command = plan

  variables {
    name = "ecom-a-very-long-environment-name-us-east-1"
  }

  expect_failures = [var.name]
}

run "name_starts_with_digit" {
  command = plan

  variables {
    name = "1ecom"
  }

  expect_failures = [var.name]
}

run "version_not_minor" {
  command = plan

  variables {
    kubernetes_version = "1.32.1"
  }

  expect_failures = [var.kubernetes_version]
}

run "vpc_id_not_an_id" {
  command = plan

  variables {
    vpc_id = "10.10.0.0/16"
  }

  expect_failures = [var.vpc_id]
}

run "one_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a"]
  }

  expect_failures = [var.subnet_ids]
}

run "subnet_not_an_id" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a", "10.10.0.0/18"]
  }

  expect_failures = [var.subnet_ids]
}

run "public_endpoint_open_to_the_world" {
  command = plan

  variables {
    endpoint = { public_access = true, public_access_cidrs = ["0.0.0.0/0"] }
  }

  expect_failures = [var.endpoint]
}

run "public_endpoint_without_cidrs" {
  command = plan

  variables {
    endpoint = { public_access = true }
  }

  expect_failures = [var.endpoint]
}

run "secrets_key_alias" {
  command = plan

  variables {
    secrets_kms_key_arn = "alias/ecom-dev-secrets"
  }

  expect_failures = [var.secrets_kms_key_arn]
}

run "logs_key_empty" {
  command = plan

  variables {
    logs_kms_key_arn = ""
  }

  expect_failures = [var.logs_kms_key_arn]
}

run "retention_not_allowed" {
  command = plan

  variables {
    log_retention_days = 31
  }

  expect_failures = [var.log_retention_days]
}

run "unknown_log_type" {
  command = plan

  variables {
    cluster_log_types = ["api", "kubelet"]
  }

  expect_failures = [var.cluster_log_types]
}

run "no_log_types" {
  command = plan

  variables {
    cluster_log_types = []
  }

  expect_failures = [var.cluster_log_types]
}

run "no_system_group" {
  command = plan

  variables {
    node_groups = { workload = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1 } }
  }

  expect_failures = [var.node_groups]
}

run "system_on_spot" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large", "m6g.large"], capacity_type = "SPOT", min_size = 1, max_size = 2, desired_size = 1 } }
  }

  expect_failures = [var.node_groups]
}

run "bad_group_name" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1 }, Workload_1 = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1 } }
  }

  expect_failures = [var.node_groups]
}

run "unknown_architecture" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], architecture = "aarch64", min_size = 1, max_size = 2, desired_size = 1 } }
  }

  expect_failures = [var.node_groups]
}

run "spot_with_one_type" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1 }, workload = { instance_types = ["m7g.large"], capacity_type = "SPOT", min_size = 0, max_size = 2, desired_size = 1 } }
  }

  expect_failures = [var.node_groups]
}

run "desired_above_max" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 3 } }
  }

  expect_failures = [var.node_groups]
}

run "disk_too_small" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1, disk_size_gib = 8 } }
  }

  expect_failures = [var.node_groups]
}

run "bad_taint_effect" {
  command = plan

  variables {
    node_groups = { system = { instance_types = ["m7g.large"], min_size = 1, max_size = 2, desired_size = 1, taints = [{ key = "a", effect = "NoSchedule" }] } }
  }

  expect_failures = [var.node_groups]
}

run "node_sg_not_an_id" {
  command = plan

  variables {
    node_security_group_ids = ["workload"]
  }

  expect_failures = [var.node_security_group_ids]
}

run "volume_key_alias" {
  command = plan

  variables {
    node_volume_kms_key_arn = "alias/aws/ebs"
  }

  expect_failures = [var.node_volume_kms_key_arn]
}

run "webhook_port_out_of_range" {
  command = plan

  variables {
    webhook_ports = [10250, 70000]
  }

  expect_failures = [var.webhook_ports]
}

run "schedule_not_cron" {
  command = plan

  variables {
    scale_down_schedule = { down_recurrence = "every evening", up_recurrence = "0 7 * * MON-FRI" }
  }

  expect_failures = [var.scale_down_schedule]
}

run "core_addon_missing" {
  command = plan

  variables {
    addons = { "vpc-cni" = {}, "coredns" = {}, "kube-proxy" = {}, "aws-ebs-csi-driver" = {} }
  }

  expect_failures = [var.addons]
}

run "addon_values_not_json" {
  command = plan

  variables {
    addons = { "vpc-cni" = { configuration_values = "env: {}" }, "coredns" = {}, "kube-proxy" = {}, "aws-ebs-csi-driver" = {}, "eks-pod-identity-agent" = {} }
  }

  expect_failures = [var.addons]
}

run "access_principal_not_an_arn" {
  command = plan

  variables {
    access = { admin_principal_arns = ["platform-admins"] }
  }

  expect_failures = [var.access]
}

run "zone_not_an_arn" {
  command = plan

  variables {
    controllers = { external_dns_hosted_zone_arns = ["Z0123456789"] }
  }

  expect_failures = [var.controllers]
}

run "production_public_endpoint" {
  command = plan

  variables {
    production = true
    endpoint   = { public_access = true, public_access_cidrs = ["203.0.113.0/24"] }
  }

  expect_failures = [aws_eks_cluster.this]
}

run "production_two_azs" {
  command = plan

  variables {
    production = true
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }

  expect_failures = [aws_eks_cluster.this]
}

run "production_single_system_node" {
  command = plan

  variables {
    production = true
    node_groups = {
      system = { instance_types = ["m7g.large"], architecture = "arm64", min_size = 1, max_size = 4, desired_size = 2 }
    }
  }

  expect_failures = [aws_eks_cluster.this]
}

run "two_subnets_in_one_az" {
  command = plan

  override_data {
    target = data.aws_subnet.this[0]
    values = { availability_zone = "us-east-1a" }
  }

  override_data {
    target = data.aws_subnet.this[1]
    values = { availability_zone = "us-east-1a" }
  }

  expect_failures = [aws_eks_cluster.this]
}

# The same production settings pass when they meet the rules: proves the
# preconditions above fail for their own reason.
run "production_passes" {
  command = plan

  variables {
    production = true
  }
}
