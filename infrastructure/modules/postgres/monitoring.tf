# Enhanced monitoring: the role RDS assumes to publish OS metrics.

data "aws_iam_policy_document" "monitoring_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["monitoring.rds.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "monitoring" {
  name               = "${local.identifier}-monitoring"
  description        = "RDS enhanced monitoring of ${local.identifier}"
  assume_role_policy = data.aws_iam_policy_document.monitoring_assume.json

  tags = { Name = "${local.identifier}-monitoring" }
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}
