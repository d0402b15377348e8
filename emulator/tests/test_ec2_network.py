"""ec2_network extension: NAT gateway deletion and security group rule descriptions."""

import pytest
from botocore.exceptions import ClientError


def _vpc_with_subnet(ec2):
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.30.1.0/24",
                               AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    return vpc, subnet


def test_delete_nat_gateway_releases_its_interface_and_eip(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet = _vpc_with_subnet(ec2)
    allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
    nat = ec2.create_nat_gateway(SubnetId=subnet, AllocationId=allocation)["NatGateway"]
    eni = nat["NatGatewayAddresses"][0]["NetworkInterfaceId"]
    assert [i["NetworkInterfaceId"] for i in
            ec2.describe_network_interfaces(NetworkInterfaceIds=[eni])["NetworkInterfaces"]] == [eni]
    address = ec2.describe_addresses(AllocationIds=[allocation])["Addresses"][0]
    assert address["NetworkInterfaceId"] == eni

    ec2.delete_nat_gateway(NatGatewayId=nat["NatGatewayId"])

    gateway = ec2.describe_nat_gateways(NatGatewayIds=[nat["NatGatewayId"]])["NatGateways"][0]
    assert gateway["State"] == "deleted"
    with pytest.raises(ClientError) as error:
        ec2.describe_network_interfaces(NetworkInterfaceIds=[eni])
    assert error.value.response["Error"]["Code"] == "InvalidNetworkInterfaceID.NotFound"
    address = ec2.describe_addresses(AllocationIds=[allocation])["Addresses"][0]
    assert "AssociationId" not in address and not address.get("NetworkInterfaceId")
    ec2.release_address(AllocationId=allocation)
    # deleting again is harmless, as on AWS
    ec2.delete_nat_gateway(NatGatewayId=nat["NatGatewayId"])


def test_delete_unknown_nat_gateway_is_not_found(emulator, account):
    with pytest.raises(ClientError) as error:
        emulator.client("ec2", account).delete_nat_gateway(NatGatewayId="nat-0123456789abcdef0")
    assert error.value.response["Error"]["Code"] == "NatGatewayNotFound"


def test_referenced_group_rule_keeps_description_and_owner(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc, _ = _vpc_with_subnet(ec2)
    app = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
    db = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc)["GroupId"]
    rule = ec2.authorize_security_group_ingress(GroupId=db, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
        "UserIdGroupPairs": [{"GroupId": app, "Description": "postgres from app"}],
    }])["SecurityGroupRules"][0]
    described = ec2.describe_security_group_rules(
        SecurityGroupRuleIds=[rule["SecurityGroupRuleId"]])["SecurityGroupRules"][0]
    assert described["Description"] == "postgres from app"
    assert described["ReferencedGroupInfo"]["GroupId"] == app
    assert described["ReferencedGroupInfo"]["UserId"] == account
    assert described["GroupOwnerId"] == account


def test_cidr_rule_description_unchanged(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc, _ = _vpc_with_subnet(ec2)
    group = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
    rule = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
        "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "https"}],
    }])["SecurityGroupRules"][0]
    described = ec2.describe_security_group_rules(
        SecurityGroupRuleIds=[rule["SecurityGroupRuleId"]])["SecurityGroupRules"][0]
    assert described["Description"] == "https"
    assert "ReferencedGroupInfo" not in described


def _code(error):
    return error.value.response["Error"]["Code"]


def test_vpc_with_dependencies_cannot_be_deleted(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    group = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
    acl = ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"]
    endpoint = ec2.create_vpc_endpoint(VpcId=vpc, ServiceName="com.amazonaws.us-east-1.s3")[
        "VpcEndpoint"]["VpcEndpointId"]

    for remove in (lambda: ec2.detach_internet_gateway(InternetGatewayId=igw, VpcId=vpc),
                   lambda: ec2.delete_security_group(GroupId=group),
                   lambda: ec2.delete_network_acl(NetworkAclId=acl),
                   lambda: ec2.delete_vpc_endpoints(VpcEndpointIds=[endpoint])):
        with pytest.raises(ClientError) as error:
            ec2.delete_vpc(VpcId=vpc)
        assert _code(error) == "DependencyViolation"
        remove()
    ec2.delete_internet_gateway(InternetGatewayId=igw)
    ec2.delete_vpc(VpcId=vpc)
    assert emulator.resources(account) == []  # the default SG and NACL went with it


def test_subnet_with_a_nat_gateway_cannot_be_deleted(emulator, account):
    ec2 = emulator.client("ec2", account)
    _, subnet = _vpc_with_subnet(ec2)
    allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
    nat = ec2.create_nat_gateway(SubnetId=subnet, AllocationId=allocation)["NatGateway"]
    with pytest.raises(ClientError) as error:
        ec2.delete_subnet(SubnetId=subnet)
    assert _code(error) == "DependencyViolation"
    ec2.delete_nat_gateway(NatGatewayId=nat["NatGatewayId"])
    ec2.delete_subnet(SubnetId=subnet)


def test_referenced_security_group_cannot_be_deleted(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc, _ = _vpc_with_subnet(ec2)
    app = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
    db = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc)["GroupId"]
    permission = {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                  "UserIdGroupPairs": [{"GroupId": app}]}
    ec2.authorize_security_group_ingress(GroupId=db, IpPermissions=[permission])
    with pytest.raises(ClientError) as error:
        ec2.delete_security_group(GroupId=app)
    assert _code(error) == "DependencyViolation"
    ec2.revoke_security_group_ingress(GroupId=db, IpPermissions=[permission])
    ec2.delete_security_group(GroupId=app)
    # a group referencing itself can be deleted
    ec2.authorize_security_group_ingress(GroupId=db, IpPermissions=[
        {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": db}]}])
    ec2.delete_security_group(GroupId=db)
