mock_data "aws_region" {
  defaults = { name = "us-west-2" }
}

mock_resource "aws_guardduty_detector" {
  defaults = { id = "12abc34d567e8fa901bc2d34e56789f0" }
}
