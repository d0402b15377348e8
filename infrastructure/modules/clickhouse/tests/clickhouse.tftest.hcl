# Shape, sizing and protections per environment, on the mocked provider
# (runs apply on the mocks so that node addresses and ids are known).

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name                      = "ecom-dev-us-east-1"
  vpc_id                    = "vpc-0123456789abcdef0"
  subnet_ids                = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  client_security_group_ids = ["sg-0000000000000000w"]
  kms_key_arn               = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  cluster = {
    version              = "25.8"
    shards               = 1
    replicas             = 1
    keepers              = 1
    server_instance_type = "m7g.large"
    keeper_instance_type = "t4g.small"
    data_volume_gib      = 100
  }
  backup = {
    bucket_name    = "ecom-dev-us-east-1-clickhouse-backups-111111111111"
    retention_days = 7
    force_destroy  = true
  }
}

run "dev_one_server_one_keeper" {
  command = apply

  assert {
    condition     = jsonencode(keys(aws_instance.server)) == jsonencode(["s1-r1"]) && jsonencode(keys(aws_instance.keeper)) == jsonencode(["k1"])
    error_message = "dev is one server (s1-r1) and one keeper (k1)"
  }

  assert {
    condition     = length(aws_ebs_volume.data) == 1 && aws_ebs_volume.data["s1-r1"].size == 100 && aws_ebs_volume.data["s1-r1"].type == "gp3"
    error_message = "each server has its gp3 data volume of the given size"
  }

  assert {
    condition     = alltrue([for v in aws_ebs_volume.data : v.encrypted && v.kms_key_id == var.kms_key_arn])
    error_message = "data volumes are encrypted with the data key"
  }

  assert {
    condition     = alltrue([for lt in aws_launch_template.this : one(lt.metadata_options).http_tokens == "required" && one(lt.metadata_options).http_put_response_hop_limit == 1])
    error_message = "launch templates allow IMDSv2 only, with a hop limit of 1"
  }

  assert {
    condition     = alltrue([for lt in aws_launch_template.this : one(lt.monitoring).enabled && lt.ebs_optimized == "true"])
    error_message = "launch templates turn on detailed monitoring and EBS optimisation"
  }

  assert {
    condition     = alltrue([for lt in aws_launch_template.this : one(one(lt.block_device_mappings).ebs).encrypted == "true" && one(one(lt.block_device_mappings).ebs).kms_key_id == var.kms_key_arn])
    error_message = "root volumes are encrypted with the data key"
  }

  assert {
    condition     = aws_launch_template.this["server"].image_id == "ami-0123456789abcdef0" && aws_launch_template.this["server"].instance_type == "m7g.large" && aws_launch_template.this["keeper"].instance_type == "t4g.small"
    error_message = "launch templates use the SSM parameter's AMI and the sizing's instance types"
  }

  assert {
    condition     = output.port == 9440 && aws_vpc_security_group_ingress_rule.this["server-clients-0"].from_port == 9440 && aws_vpc_security_group_ingress_rule.this["server-clients-0"].referenced_security_group_id == "sg-0000000000000000w"
    error_message = "workload nodes reach the servers on the native TLS port (9440) only"
  }

  assert {
    condition     = length([for r in aws_vpc_security_group_ingress_rule.this : r if r.cidr_ipv4 != null]) == 0
    error_message = "no ingress rule admits a CIDR: every source is a security group"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.this["keeper-client"].from_port == 9181 && aws_vpc_security_group_ingress_rule.this["keeper-client"].referenced_security_group_id == aws_security_group.server.id
    error_message = "only servers reach the keepers (9181)"
  }

  assert {
    condition     = module.backup_bucket.configuration.force_destroy && module.backup_bucket.configuration.lifecycle_rule.expiration_days == 7 && module.backup_bucket.configuration.kms_key_arn == var.kms_key_arn
    error_message = "the dev backup bucket keeps backups 7 days, is KMS-encrypted with the data key and may be destroyed"
  }

  assert {
    condition     = strcontains(output.user_data["s1-r1"], "ROLE=server") && strcontains(output.user_data["s1-r1"], "BACKS_UP=true") && strcontains(output.user_data["k1"], "ROLE=keeper")
    error_message = "cloud-init carries the node's role; the first replica backs its shard up"
  }

  assert {
    condition     = strcontains(output.user_data["s1-r1"], base64encode(output.server_xml["s1-r1"])) && strcontains(output.user_data["k1"], base64encode(output.keeper_xml["k1"]))
    error_message = "cloud-init writes the generated XML of the node"
  }

  assert {
    condition     = strcontains(output.server_xml["s1-r1"], "<endpoint>https://ecom-dev-us-east-1-clickhouse-backups-111111111111.s3.us-east-1.amazonaws.com/backups/</endpoint>")
    error_message = "the backup disk points at the module's bucket"
  }

  assert {
    condition     = output.cluster_name == "ecom_dev_us_east_1" && aws_ebs_volume.data["s1-r1"].final_snapshot == false
    error_message = "cluster named after the prefix; non-production volumes need no final snapshot"
  }

  assert {
    condition     = alltrue([for v in aws_ebs_volume.data : !contains(keys(v.tags), "Backup")])
    error_message = "without a backup plan nothing is tagged for AWS Backup"
  }
}

run "prod_three_shards_two_replicas_three_keepers" {
  command = apply

  variables {
    name          = "ecom-prod-us-east-1"
    is_production = true
    cluster = {
      version                    = "25.8"
      shards                     = 3
      replicas                   = 2
      keepers                    = 3
      server_instance_type       = "r7g.2xlarge"
      keeper_instance_type       = "m7g.large"
      data_volume_gib            = 1000
      data_volume_iops           = 6000
      data_volume_throughput_mib = 250
    }
    backup = {
      bucket_name    = "ecom-prod-us-east-1-clickhouse-backups-333333333333"
      retention_days = 35
    }
    backup_plan_name = "ecom-prod-us-east-1-data"
  }

  assert {
    condition     = alltrue([for v in aws_ebs_volume.data : v.tags.Backup == "ecom-prod-us-east-1-data"]) && module.backup_bucket.configuration.tags.Backup == "ecom-prod-us-east-1-data"
    error_message = "data volumes and the backup bucket join the AWS Backup plan by tag"
  }

  assert {
    condition     = length(aws_instance.server) == 6 && length(aws_instance.keeper) == 3 && length(aws_ebs_volume.data) == 6 && length(aws_volume_attachment.data) == 6
    error_message = "3 shards x 2 replicas are 6 servers with 6 data volumes, plus 3 keepers"
  }

  assert {
    condition     = alltrue([for s in range(1, 4) : aws_network_interface.server["s${s}-r1"].subnet_id != aws_network_interface.server["s${s}-r2"].subnet_id])
    error_message = "the two replicas of every shard are in different subnets (AZs)"
  }

  assert {
    condition     = length(distinct([for k in aws_network_interface.keeper : k.subnet_id])) == 3
    error_message = "the three keepers are in three different subnets (AZs)"
  }

  assert {
    condition     = alltrue([for v in aws_ebs_volume.data : v.size == 1000 && v.iops == 6000 && v.throughput == 250 && v.final_snapshot])
    error_message = "prod data volumes follow the sizing and take a final snapshot"
  }

  assert {
    condition     = !module.backup_bucket.configuration.force_destroy && module.backup_bucket.configuration.lifecycle_rule.expiration_days == 35
    error_message = "the prod backup bucket keeps 35 days and cannot be destroyed with its objects"
  }

  assert {
    condition     = length([for n, s in output.servers : n if s.replica == 1]) == 3 && length([for n, u in output.user_data : n if strcontains(u, "BACKS_UP=true")]) == 3
    error_message = "the first replica of each of the 3 shards takes the backups"
  }

  assert {
    condition     = aws_instance.server["s2-r2"].tags.ClickHouseShard == "2" && aws_instance.server["s2-r2"].tags.ClickHouseReplica == "2"
    error_message = "instances are tagged with their shard and replica"
  }
}
