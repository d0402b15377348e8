# One least-privilege role per controller, bound to its service account with
# EKS Pod Identity (no OIDC provider, no role annotations in the manifests: the
# GitOps layer only has to use the namespace and service account names below).
# Each role trusts only the Pod Identity service acting for this cluster
# (aws:SourceAccount, aws:SourceArn), and each policy is scoped to this
# cluster's resources or tags.

locals {
  cluster_arn = "arn:${local.partition}:eks:${local.region}:${local.account_id}:cluster/${var.name}"

  # key => where the controller runs. The namespaces and service accounts are
  # the ones the manifests under gitops/ use.
  controllers = {
    autoscaler    = { namespace = "kube-system", service_account = "cluster-autoscaler", what = "Cluster Autoscaler" }
    lb-controller = { namespace = "kube-system", service_account = "aws-load-balancer-controller", what = "AWS Load Balancer Controller" }
    ebs-csi       = { namespace = "kube-system", service_account = "ebs-csi-controller-sa", what = "EBS CSI driver" }
    external-dns  = { namespace = "external-dns", service_account = "external-dns", what = "external-dns" }
    log-shipper   = { namespace = "logging", service_account = "fluent-bit", what = "Fluent Bit log shipper" }
    collector     = { namespace = "observability", service_account = "otel-collector", what = "OpenTelemetry collector (metrics, traces)" }
  }

  cluster_tag        = "kubernetes.io/cluster/${var.name}"
  autoscaler_tag     = "k8s.io/cluster-autoscaler/${var.name}"
  lb_controller_tag  = "elbv2.k8s.aws/cluster"
  container_logs_arn = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${aws_cloudwatch_log_group.containers.name}"

  prometheus_workspace_arns = length(var.controllers.prometheus_workspace_arns) > 0 ? var.controllers.prometheus_workspace_arns : [
    "arn:${local.partition}:aps:${local.region}:${local.account_id}:workspace/*"
  ]

  controller_policies = {
    autoscaler    = data.aws_iam_policy_document.autoscaler.json
    lb-controller = data.aws_iam_policy_document.lb_controller.json
    ebs-csi       = data.aws_iam_policy_document.ebs_csi.json
    external-dns  = data.aws_iam_policy_document.external_dns.json
    log-shipper   = data.aws_iam_policy_document.log_shipper.json
    collector     = data.aws_iam_policy_document.collector.json
  }
}

data "aws_iam_policy_document" "pod_identity_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.cluster_arn]
    }
  }
}

resource "aws_iam_role" "controller" {
  for_each = local.controllers

  name               = "${var.name}-${each.key}"
  description        = "${each.value.what} of ${var.name} (Pod Identity, ${each.value.namespace}/${each.value.service_account})"
  assume_role_policy = data.aws_iam_policy_document.pod_identity_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "controller" {
  for_each = local.controllers

  name   = each.key
  role   = aws_iam_role.controller[each.key].id
  policy = local.controller_policies[each.key]
}

resource "aws_eks_pod_identity_association" "this" {
  for_each = local.controllers

  cluster_name    = aws_eks_cluster.this.name
  namespace       = each.value.namespace
  service_account = each.value.service_account
  role_arn        = aws_iam_role.controller[each.key].arn

  tags = var.tags
}

# Container logs the log shipper writes (one stream per pod).
resource "aws_cloudwatch_log_group" "containers" {
  name              = "/aws/eks/${var.name}/containers"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn

  tags = var.tags
}

# Cluster Autoscaler: scales only the ASGs EKS tagged for this cluster.
data "aws_iam_policy_document" "autoscaler" {
  statement {
    sid = "Discover"
    actions = [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeScalingActivities",
      "autoscaling:DescribeTags",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:GetInstanceTypesFromInstanceRequirements",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "DescribeThisClustersNodeGroups"
    actions   = ["eks:DescribeNodegroup"]
    resources = ["arn:${local.partition}:eks:${local.region}:${local.account_id}:nodegroup/${var.name}/*/*"]
  }

  statement {
    sid       = "ScaleThisClustersGroups"
    actions   = ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"]
    resources = ["arn:${local.partition}:autoscaling:${local.region}:${local.account_id}:autoScalingGroup:*:autoScalingGroupName/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.autoscaler_tag}"
      values   = ["owned"]
    }
  }
}

# AWS Load Balancer Controller, TargetGroupBinding only: the edge layer owns
# the load balancers, their target groups and the node security group rules
# that admit them; the controller only registers pod IPs in the target groups
# Terraform tagged elbv2.k8s.aws/cluster=<this cluster>.
data "aws_iam_policy_document" "lb_controller" {
  statement {
    sid = "Discover"
    actions = [
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInstances",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "RegisterTargetsOfThisCluster"
    actions   = ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"]
    resources = ["arn:${local.partition}:elasticloadbalancing:${local.region}:${local.account_id}:targetgroup/*/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.lb_controller_tag}"
      values   = [var.name]
    }
  }
}

# EBS CSI driver: volumes and snapshots it creates carry this cluster's tag
# (add-on setting controller.k8sTagClusterId), and it touches no others.
data "aws_iam_policy_document" "ebs_csi" {
  statement {
    sid = "Discover"
    actions = [
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInstances",
      "ec2:DescribeSnapshots",
      "ec2:DescribeTags",
      "ec2:DescribeVolumes",
      "ec2:DescribeVolumesModifications",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "CreateTaggedForThisCluster"
    actions   = ["ec2:CreateVolume", "ec2:CreateSnapshot"]
    resources = ["arn:${local.partition}:ec2:${local.region}:*:volume/*", "arn:${local.partition}:ec2:${local.region}:*:snapshot/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.cluster_tag}"
      values   = ["owned"]
    }
  }

  statement {
    sid       = "CreateVolumesFromSnapshots"
    actions   = ["ec2:CreateVolume"]
    resources = ["arn:${local.partition}:ec2:${local.region}::snapshot/*"]
  }

  statement {
    sid       = "TagOnCreate"
    actions   = ["ec2:CreateTags"]
    resources = ["arn:${local.partition}:ec2:${local.region}:*:volume/*", "arn:${local.partition}:ec2:${local.region}:*:snapshot/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values   = ["CreateVolume", "CreateSnapshot"]
    }
  }

  statement {
    sid = "ManageThisClustersVolumes"
    actions = [
      "ec2:AttachVolume",
      "ec2:DetachVolume",
      "ec2:ModifyVolume",
      "ec2:DeleteVolume",
      "ec2:DeleteSnapshot",
      "ec2:CreateTags",
      "ec2:DeleteTags",
    ]
    resources = ["arn:${local.partition}:ec2:${local.region}:*:volume/*", "arn:${local.partition}:ec2:${local.region}:*:snapshot/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.cluster_tag}"
      values   = ["owned"]
    }
  }

  statement {
    sid       = "AttachToThisClustersNodes"
    actions   = ["ec2:AttachVolume", "ec2:DetachVolume"]
    resources = ["arn:${local.partition}:ec2:${local.region}:*:instance/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/eks:cluster-name"
      values   = [var.name]
    }
  }
}

# external-dns: records in the allowed hosted zones only.
data "aws_iam_policy_document" "external_dns" {
  statement {
    sid       = "ChangeRecords"
    actions   = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"]
    resources = var.controllers.external_dns_hosted_zone_arns
  }

  statement {
    sid       = "ListZones"
    actions   = ["route53:ListHostedZones"]
    resources = ["*"]
  }

  statement {
    sid       = "WaitForChanges"
    actions   = ["route53:GetChange"]
    resources = ["arn:${local.partition}:route53:::change/*"]
  }
}

# Log shipper: writes the container log group only.
data "aws_iam_policy_document" "log_shipper" {
  statement {
    sid       = "WriteContainerLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = [local.container_logs_arn, "${local.container_logs_arn}:log-stream:*"]
  }
}

# Metrics and trace collector: remote write to Prometheus, traces to X-Ray,
# metrics in this cluster's CloudWatch namespace.
data "aws_iam_policy_document" "collector" {
  statement {
    sid       = "PrometheusRemoteWrite"
    actions   = ["aps:RemoteWrite"]
    resources = local.prometheus_workspace_arns
  }

  statement {
    sid       = "Traces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }

  statement {
    sid       = "ClusterMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["ContainerInsights", "ecom/${var.name}"]
    }
  }
}
