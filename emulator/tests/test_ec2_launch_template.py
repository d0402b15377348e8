"""ec2_launch_template: request-level tags tag the template, not its data."""


def test_template_tags_stay_out_of_the_data(emulator, account):
    ec2 = emulator.client("ec2", account)
    template = ec2.create_launch_template(
        LaunchTemplateName="nodes",
        LaunchTemplateData={"MetadataOptions": {"HttpTokens": "required"},
                            "TagSpecifications": [{"ResourceType": "instance",
                                                   "Tags": [{"Key": "i", "Value": "1"}]}]},
        TagSpecifications=[{"ResourceType": "launch-template",
                            "Tags": [{"Key": "ManagedBy", "Value": "terraform"}]}],
    )["LaunchTemplate"]
    data = ec2.describe_launch_template_versions(
        LaunchTemplateId=template["LaunchTemplateId"])["LaunchTemplateVersions"][0][
        "LaunchTemplateData"]
    assert data["TagSpecifications"] == [{"ResourceType": "instance",
                                          "Tags": [{"Key": "i", "Value": "1"}]}]
    described = ec2.describe_launch_templates(
        LaunchTemplateIds=[template["LaunchTemplateId"]])["LaunchTemplates"][0]
    assert described["Tags"] == [{"Key": "ManagedBy", "Value": "terraform"}]


def test_template_without_data_tags_has_none(emulator, account):
    ec2 = emulator.client("ec2", account)
    template = ec2.create_launch_template(
        LaunchTemplateName="plain", LaunchTemplateData={"InstanceType": "t3.micro"},
        TagSpecifications=[{"ResourceType": "launch-template",
                            "Tags": [{"Key": "a", "Value": "b"}]}])["LaunchTemplate"]
    data = ec2.describe_launch_template_versions(
        LaunchTemplateId=template["LaunchTemplateId"])["LaunchTemplateVersions"][0][
        "LaunchTemplateData"]
    assert "TagSpecifications" not in data
