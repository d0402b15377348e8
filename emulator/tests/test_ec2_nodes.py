"""ec2_nodes: a node's own network interface outlives its instance; prefix-list rules keep descriptions."""

import botocore.exceptions
import pytest


def _subnet(ec2):
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.1.0/24",
                               AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName="node", Description="node", VpcId=vpc)["GroupId"]
    return vpc, subnet, group


def _run_with(ec2, eni_id):
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    return ec2.run_instances(
        ImageId=image, InstanceType="t4g.small", MinCount=1, MaxCount=1,
        NetworkInterfaces=[{"NetworkInterfaceId": eni_id, "DeviceIndex": 0}],
    )["Instances"][0]["InstanceId"]


def test_terminate_detaches_an_interface_created_on_its_own(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    instance = _run_with(ec2, eni["NetworkInterfaceId"])
    attached = ec2.describe_network_interfaces(
        NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    assert attached["Status"] == "in-use"
    assert attached["Attachment"]["InstanceId"] == instance

    ec2.terminate_instances(InstanceIds=[instance])

    after = ec2.describe_network_interfaces(
        NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    assert after["Status"] == "available"
    assert "Attachment" not in after or not after["Attachment"].get("InstanceId")
    assert after["PrivateIpAddress"] == eni["PrivateIpAddress"]
    # the terminated instance is still described (what the provider polls)
    gone = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
    assert gone["State"]["Name"] == "terminated"
    # available again: it can be deleted (what terraform destroy does next)
    ec2.delete_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"])
    with pytest.raises(botocore.exceptions.ClientError) as error:
        ec2.describe_network_interfaces(NetworkInterfaceIds=[eni["NetworkInterfaceId"]])
    assert error.value.response["Error"]["Code"] == "InvalidNetworkInterfaceID.NotFound"


def test_interface_survives_for_a_new_instance(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    first = _run_with(ec2, eni["NetworkInterfaceId"])
    ec2.terminate_instances(InstanceIds=[first])
    second = _run_with(ec2, eni["NetworkInterfaceId"])
    again = ec2.describe_network_interfaces(
        NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    assert again["Attachment"]["InstanceId"] == second
    assert again["PrivateIpAddress"] == eni["PrivateIpAddress"]


def test_primary_interface_of_a_running_instance_cannot_be_detached(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    _run_with(ec2, eni["NetworkInterfaceId"])
    attachment = ec2.describe_network_interfaces(
        NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]["Attachment"]
    with pytest.raises(botocore.exceptions.ClientError) as error:
        ec2.detach_network_interface(AttachmentId=attachment["AttachmentId"])
    assert error.value.response["Error"]["Code"] == "OperationNotPermitted"


def test_interface_made_by_run_instances_goes_with_the_instance(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, InstanceType="t4g.small", MinCount=1, MaxCount=1,
                                 SubnetId=subnet, SecurityGroupIds=[group])["Instances"][0]
    eni_id = instance["NetworkInterfaces"][0]["NetworkInterfaceId"]
    ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])
    left = ec2.describe_network_interfaces(
        Filters=[{"Name": "network-interface-id", "Values": [eni_id]}])["NetworkInterfaces"]
    assert left == []


def test_prefix_list_rule_keeps_its_description(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, _, group = _subnet(ec2)
    s3 = [p for p in ec2.describe_prefix_lists()["PrefixLists"]
          if p["PrefixListName"] == "com.amazonaws.us-east-1.s3"][0]["PrefixListId"]
    ec2.authorize_security_group_egress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
        "PrefixListIds": [{"PrefixListId": s3, "Description": "HTTPS to S3"}]}])
    rules = ec2.describe_security_group_rules(
        Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    mine = [r for r in rules if r.get("PrefixListId") == s3]
    assert len(mine) == 1
    assert mine[0]["Description"] == "HTTPS to S3"
    assert mine[0]["IsEgress"] is True


def test_cidr_and_group_rule_descriptions_still_read_back(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc, _, group = _subnet(ec2)
    peer = ec2.create_security_group(GroupName="peer", Description="peer", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 9440, "ToPort": 9440,
         "UserIdGroupPairs": [{"GroupId": peer, "Description": "from peer"}]},
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
         "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "from cidr"}]}])
    rules = ec2.describe_security_group_rules(
        Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    by_port = {r["FromPort"]: r.get("Description") for r in rules if not r["IsEgress"]}
    assert by_port == {9440: "from peer", 22: "from cidr"}


def test_instances_are_listed_and_block_their_subnet(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    instance = _run_with(ec2, eni["NetworkInterfaceId"])
    listed = [r for r in emulator.resources(account) if r["type"] == "instance"]
    assert [r["id"] for r in listed] == [instance]
    with pytest.raises(botocore.exceptions.ClientError) as error:
        ec2.delete_subnet(SubnetId=subnet)
    assert error.value.response["Error"]["Code"] == "DependencyViolation"

    ec2.terminate_instances(InstanceIds=[instance])
    ec2.delete_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"])
    assert [r for r in emulator.resources(account) if r["type"] == "instance"] == []
    ec2.delete_subnet(SubnetId=subnet)


def test_launch_template_settings_reach_the_instance(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, group = _subnet(ec2)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    template = ec2.create_launch_template(LaunchTemplateName="node", LaunchTemplateData={
        "ImageId": image, "InstanceType": "t4g.small", "EbsOptimized": True,
        "Monitoring": {"Enabled": True},
        "MetadataOptions": {"HttpTokens": "required", "HttpPutResponseHopLimit": 1,
                            "HttpEndpoint": "enabled"}})["LaunchTemplate"]
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    instance = ec2.run_instances(
        MinCount=1, MaxCount=1,
        LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"], "Version": "1"},
        NetworkInterfaces=[{"NetworkInterfaceId": eni["NetworkInterfaceId"], "DeviceIndex": 0}],
    )["Instances"][0]
    described = ec2.describe_instances(InstanceIds=[instance["InstanceId"]])[
        "Reservations"][0]["Instances"][0]
    assert described["MetadataOptions"]["HttpTokens"] == "required"
    assert described["MetadataOptions"]["HttpPutResponseHopLimit"] == 1
    assert described["Monitoring"]["State"] == "enabled"
    assert described["EbsOptimized"] is True
    assert described["SubnetId"] == subnet
    assert "PublicIpAddress" not in described


def test_request_settings_win_over_the_template(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet, _ = _subnet(ec2)
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    template = ec2.create_launch_template(LaunchTemplateName="plain", LaunchTemplateData={
        "ImageId": image, "InstanceType": "t4g.small"})["LaunchTemplate"]
    instance = ec2.run_instances(
        MinCount=1, MaxCount=1, SubnetId=subnet,
        MetadataOptions={"HttpTokens": "required"},
        LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"]})["Instances"][0]
    described = ec2.describe_instances(InstanceIds=[instance["InstanceId"]])[
        "Reservations"][0]["Instances"][0]
    assert described["MetadataOptions"]["HttpTokens"] == "required"
    assert described["Monitoring"]["State"] == "disabled"


def test_private_node_has_no_public_association(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc, subnet, group = _subnet(ec2)
    eni = ec2.create_network_interface(SubnetId=subnet, Groups=[group])["NetworkInterface"]
    instance = _run_with(ec2, eni["NetworkInterfaceId"])
    described = ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
    # The provider reads a present Association as associate_public_ip_address = true.
    assert "Association" not in described["NetworkInterfaces"][0]
    assert "PublicIpAddress" not in described
    nic = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    assert "Association" not in nic

    # A subnet that maps public addresses still gives the node one, with its association.
    public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.2.0/24",
                               AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    ec2.modify_subnet_attribute(SubnetId=public, MapPublicIpOnLaunch={"Value": True})
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    node = ec2.run_instances(ImageId=image, InstanceType="t4g.small", MinCount=1, MaxCount=1,
                             SubnetId=public)["Instances"][0]["InstanceId"]
    described = ec2.describe_instances(InstanceIds=[node])["Reservations"][0]["Instances"][0]
    assert described["NetworkInterfaces"][0]["Association"]["PublicIp"] == described["PublicIpAddress"]
