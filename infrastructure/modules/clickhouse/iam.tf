# The nodes' only AWS permissions: their own backup bucket (backups under
# backups/, packages under artifacts/) and the key that encrypts it.

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name               = "${var.name}-clickhouse-node"
  description        = "ClickHouse nodes of ${var.name}: their backup bucket only"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  tags = var.tags
}

data "aws_iam_policy_document" "node" {
  statement {
    sid       = "ListBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [module.backup_bucket.arn]
  }

  statement {
    sid       = "Backups"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${module.backup_bucket.arn}/backups/*"]
  }

  statement {
    sid       = "Packages"
    actions   = ["s3:GetObject"]
    resources = ["${module.backup_bucket.arn}/artifacts/*"]
  }

  statement {
    sid       = "BucketKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "node" {
  name   = "backup-bucket"
  role   = aws_iam_role.node.id
  policy = data.aws_iam_policy_document.node.json
}

resource "aws_iam_instance_profile" "node" {
  name = "${var.name}-clickhouse-node"
  role = aws_iam_role.node.name

  tags = var.tags
}
