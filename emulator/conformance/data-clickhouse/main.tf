# The ClickHouse layer's resource types: an IMDSv2-only launch template with
# an encrypted gp3 root volume and an instance profile, an instance started
# from it on its own network interface (the node's stable address), an
# encrypted gp3 data volume attached to it, security groups with
# group-referencing and S3-prefix-list rules, and the KMS-encrypted backup
# bucket the instance role is limited to.

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ssm_parameter" "ami" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

data "aws_ec2_managed_prefix_list" "s3" {
  name = "com.amazonaws.${var.region}.s3"
}

locals {
  az = data.aws_availability_zones.available.names[0]
}

resource "aws_vpc" "this" {
  cidr_block = "10.51.0.0/16"

  tags = { Name = "${var.name}-clickhouse-vpc" }
}

resource "aws_subnet" "data" {
  vpc_id            = aws_vpc.this.id
  availability_zone = local.az
  cidr_block        = "10.51.20.0/24"

  tags = { Name = "${var.name}-clickhouse-data", Tier = "data" }
}

resource "aws_security_group" "workload" {
  name        = "${var.name}-ch-workload"
  description = "Workload nodes"
  vpc_id      = aws_vpc.this.id
}

resource "aws_security_group" "server" {
  name        = "${var.name}-ch-server"
  description = "ClickHouse servers"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  security_group_id            = aws_security_group.server.id
  description                  = "Native TLS from workload nodes"
  ip_protocol                  = "tcp"
  from_port                    = 9440
  to_port                      = 9440
  referenced_security_group_id = aws_security_group.workload.id
}

resource "aws_vpc_security_group_egress_rule" "replication" {
  security_group_id            = aws_security_group.server.id
  description                  = "Replication between servers"
  ip_protocol                  = "tcp"
  from_port                    = 9009
  to_port                      = 9009
  referenced_security_group_id = aws_security_group.server.id
}

resource "aws_vpc_security_group_egress_rule" "s3" {
  security_group_id = aws_security_group.server.id
  description       = "HTTPS to S3 through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.s3.id
}

resource "aws_kms_key" "this" {
  description             = "${var.name} clickhouse data"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_s3_bucket" "backups" {
  bucket        = "${var.name}-ch-backups-${data.aws_caller_identity.current.account_id}"
  force_destroy = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "backups" {
  bucket = aws_s3_bucket.backups.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

resource "aws_iam_role" "node" {
  name = "${var.name}-clickhouse-node"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "node" {
  name = "backup-bucket"
  role = aws_iam_role.node.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:ListBucket"], Resource = aws_s3_bucket.backups.arn },
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.backups.arn}/backups/*" },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = aws_kms_key.this.arn },
    ]
  })
}

resource "aws_iam_instance_profile" "node" {
  name = "${var.name}-clickhouse-node"
  role = aws_iam_role.node.name
}

resource "aws_launch_template" "server" {
  name                   = "${var.name}-clickhouse-server"
  image_id               = data.aws_ssm_parameter.ami.insecure_value
  instance_type          = "m7g.large"
  ebs_optimized          = true
  update_default_version = true

  iam_instance_profile {
    arn = aws_iam_instance_profile.node.arn
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_type           = "gp3"
      volume_size           = 30
      encrypted             = true
      kms_key_id            = aws_kms_key.this.arn
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Role = "clickhouse-server" }
  }
}

resource "aws_network_interface" "server" {
  subnet_id       = aws_subnet.data.id
  security_groups = [aws_security_group.server.id]
  description     = "ClickHouse server s1-r1"
}

resource "aws_instance" "server" {
  user_data_base64 = base64gzip("#cloud-config\nwrite_files: []\n")

  launch_template {
    id      = aws_launch_template.server.id
    version = aws_launch_template.server.latest_version
  }

  network_interface {
    network_interface_id = aws_network_interface.server.id
    device_index         = 0
  }

  tags = { Name = "${var.name}-clickhouse-s1-r1", ClickHouseShard = "1", ClickHouseReplica = "1" }
}

resource "aws_ebs_volume" "data" {
  availability_zone = local.az
  type              = "gp3"
  size              = 50
  iops              = 3000
  throughput        = 125
  encrypted         = true
  kms_key_id        = aws_kms_key.this.arn

  tags = { Name = "${var.name}-clickhouse-s1-r1-data", Backup = "${var.name}-data" }
}

resource "aws_volume_attachment" "data" {
  device_name                    = "/dev/sdf"
  volume_id                      = aws_ebs_volume.data.id
  instance_id                    = aws_instance.server.id
  stop_instance_before_detaching = true
}
