resource "aws_guardduty_detector" "this" {
  #checkov:skip=CKV2_AWS_3:Each environment is its own account outside an AWS Organization (decision 0003); GuardDuty is enabled in every account and region by this module instead of by a delegated administrator.
  count = var.guardduty.enabled ? 1 : 0

  enable                       = true
  finding_publishing_frequency = var.guardduty.finding_publishing_frequency

  tags = merge(var.tags, { Name = "${var.name_prefix}-guardduty" })
}

resource "aws_guardduty_detector_feature" "this" {
  for_each = var.guardduty.enabled ? var.guardduty.features : {}

  detector_id = aws_guardduty_detector.this[0].id
  name        = each.key
  status      = each.value
}
