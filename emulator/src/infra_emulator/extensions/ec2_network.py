"""EC2 network: deletion order, NAT gateway deletion, security group rules, as on AWS.

AWS behaviour:
- A VPC, subnet or security group that something still depends on cannot be
  deleted (``DependencyViolation``): a VPC with an attached internet gateway,
  security groups other than its default, network ACLs other than its default,
  VPC endpoints or NAT gateways that are not deleted; a subnet with the network
  interfaces of live NAT gateways, interface endpoints or instances; a security group
  that another group's rule references or that a network interface uses.
- DeleteNatGateway disassociates the gateway's Elastic IP and deletes the
  network interface AWS created for it; the gateway stays visible in state
  ``deleted`` for a while. An unknown id is ``NatGatewayNotFound`` (400).
- A security group rule that references another security group keeps its
  description: DescribeSecurityGroupRules returns it in ``Description`` (and the
  ``ReferencedGroupInfo.UserId`` is the owning account, which the accounts
  extension makes the caller's account); every rule carries ``GroupOwnerId``
  and ``SecurityGroupRuleArn``.
- CreateVpcEndpoint without ``VpcEndpointType`` creates a Gateway endpoint.

moto gaps (5.2.1):
- DeleteVpc only checks for subnets and extra route tables, DeleteSubnet and
  DeleteSecurityGroup check nothing: a destroy in the wrong order (a missing
  ``depends_on``) succeeds locally and fails on AWS.
- DeleteNatGateway only flips the state: its ENI (``eni-...``) outlives the
  gateway, the VPC and ``terraform destroy``, and the EIP stays associated; an
  unknown id is a 500 (AttributeError on None).
- ``SecurityGroupRule.description`` reads only the CIDR range, so the
  description of a ``referenced_security_group_id`` rule (kept by moto in the
  group pair) is lost, and every plan of an
  ``aws_vpc_security_group_ingress_rule`` with a description and a referenced
  group wants an update; ``GroupOwnerId`` and ``SecurityGroupRuleArn`` are
  missing from DescribeSecurityGroupRules.
- CreateVpcEndpoint without ``VpcEndpointType`` stores no type (AWS: Gateway),
  and DeleteVpcEndpoints then fails with a 500.
"""

NAME = "ec2_network"


def apply() -> None:
    from moto.ec2.exceptions import EC2ClientError
    from moto.ec2.models.nat_gateways import NatGatewayBackend
    from moto.ec2.models.security_groups import SecurityGroupRule

    if getattr(NatGatewayBackend, "_infra_emulator", False):
        return

    class NatGatewayNotFound(EC2ClientError):
        def __init__(self, nat_gateway_id: str):
            super().__init__("NatGatewayNotFound",
                             f"The Nat Gateway {nat_gateway_id} was not found")

    def delete_nat_gateway(self, nat_gateway_id: str):  # type: ignore[no-untyped-def]
        nat_gateway = self.nat_gateways.get(nat_gateway_id)
        if nat_gateway is None:
            raise NatGatewayNotFound(nat_gateway_id)
        if nat_gateway.state != "deleted":
            eni = getattr(nat_gateway, "_eni", None)
            for address in list(self.addresses):
                if eni is not None and address.eni is eni:
                    self.disassociate_address(address=address.public_ip)
            if eni is not None:
                self.enis.pop(eni.id, None)
            for address_set in nat_gateway.address_set:
                address_set.pop("associationId", None)
            nat_gateway.state = "deleted"
        return nat_gateway

    NatGatewayBackend.delete_nat_gateway = delete_nat_gateway
    NatGatewayBackend._infra_emulator = True
    _dependency_checks()

    def description(self: SecurityGroupRule) -> str | None:
        return (self.ip_range.get("Description")
                or (self.source_group or {}).get("Description"))

    SecurityGroupRule.description = property(description)  # type: ignore[assignment]
    SecurityGroupRule.group_owner_id = property(  # type: ignore[attr-defined]
        lambda self: self.ec2_backend.account_id)
    SecurityGroupRule.security_group_rule_arn = property(  # type: ignore[attr-defined]
        lambda self: (f"arn:{self.ec2_backend.partition}:ec2:{self.ec2_backend.region_name}:"
                      f"{self.ec2_backend.account_id}:security-group-rule/{self.id}"))


def _live_interfaces(backend) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """ENI id -> owner, for the ENIs of live NAT gateways, endpoints and instances.

    Only these block a subnet: other moto services (ECS, Route 53 Resolver, ...)
    do not always delete the ENIs they create, and a leaked ENI must show up in
    /infra-emulator/resources rather than hang a destroy for the provider's
    20-minute retry.
    """
    owners: dict[str, str] = {}
    for nat in backend.nat_gateways.values():
        eni = getattr(nat, "_eni", None)
        if eni is not None and nat.state != "deleted":
            owners[eni.id] = nat.id
    for endpoint in backend.vpc_end_points.values():
        if getattr(endpoint, "state", "") != "deleted":
            for eni_id in endpoint.network_interface_ids or []:
                owners[eni_id] = endpoint.id
    for reservation in backend.reservations.values():
        for instance in reservation.instances:
            if instance.state_name != "terminated":
                for nic in instance.nics.values():
                    owners[nic.id] = instance.id
    return owners


def _dependency_checks() -> None:
    from moto.ec2.exceptions import DependencyViolationError
    from moto.ec2.models.security_groups import SecurityGroupBackend
    from moto.ec2.models.subnets import SubnetBackend
    from moto.ec2.models.vpcs import VPCBackend

    original_delete_vpc = VPCBackend.delete_vpc

    def delete_vpc(self, vpc_id: str):  # type: ignore[no-untyped-def]
        def blocked(what: str) -> DependencyViolationError:
            return DependencyViolationError(
                f"The vpc '{vpc_id}' has dependencies and cannot be deleted. ({what})")

        if vpc_id in self.vpcs:
            for igw in self.internet_gateways.values():
                if igw.vpc is not None and igw.vpc.id == vpc_id:
                    raise blocked(f"internet gateway {igw.id} is attached")
            for group in self.groups.get(vpc_id, {}).values():
                if group.name != "default":
                    raise blocked(f"security group {group.id}")
            for acl in self.network_acls.values():
                if acl.vpc_id == vpc_id and not acl.default:
                    raise blocked(f"network ACL {acl.id}")
            for endpoint in self.vpc_end_points.values():
                if endpoint.vpc_id == vpc_id and getattr(endpoint, "state", "") != "deleted":
                    raise blocked(f"VPC endpoint {endpoint.id}")
            for nat in self.nat_gateways.values():
                if nat.vpc_id == vpc_id and nat.state != "deleted":
                    raise blocked(f"NAT gateway {nat.id}")
        vpc = original_delete_vpc(self, vpc_id)
        # The VPC's default network ACL goes with it, as on AWS.
        for acl_id in [a.id for a in self.network_acls.values()
                       if a.vpc_id == vpc_id and a.default]:
            self.network_acls.pop(acl_id, None)
        return vpc

    original_delete_subnet = SubnetBackend.delete_subnet

    def delete_subnet(self, subnet_id: str):  # type: ignore[no-untyped-def]
        for eni_id, owner in _live_interfaces(self).items():
            eni = self.enis.get(eni_id)
            if eni is not None and eni.subnet is not None and eni.subnet.id == subnet_id:
                raise DependencyViolationError(
                    f"The subnet '{subnet_id}' has dependencies and cannot be deleted. "
                    f"(network interface {eni_id} of {owner})")
        return original_delete_subnet(self, subnet_id)

    original_delete_security_group = SecurityGroupBackend.delete_security_group

    def delete_security_group(self, name=None, group_id=None):  # type: ignore[no-untyped-def]
        group = None
        if group_id:
            group = self.get_security_group_from_id(group_id)
        elif name:
            group = self.get_security_group_by_name_or_id(name)
        if group is not None:
            for vpc_groups in list(self.groups.values()):
                for other in list(vpc_groups.values()):
                    if other.id == group.id:
                        continue
                    for rule in other.ingress_rules + other.egress_rules:
                        if (rule.source_group or {}).get("GroupId") == group.id:
                            raise DependencyViolationError(
                                f"resource {group.id} has a dependent object")
            for eni in list(self.enis.values()):
                if any(getattr(g, "id", g) == group.id for g in eni._group_set):
                    raise DependencyViolationError(
                        f"resource {group.id} has a dependent object")
        return original_delete_security_group(self, name=name, group_id=group_id)

    original_create_vpc_endpoint = VPCBackend.create_vpc_endpoint

    def create_vpc_endpoint(self, vpc_id, service_name, endpoint_type, *args, **kwargs):  # type: ignore[no-untyped-def]
        # AWS defaults VpcEndpointType to Gateway; moto keeps None and then
        # fails (500) to delete the endpoint.
        return original_create_vpc_endpoint(self, vpc_id, service_name,
                                            endpoint_type or "Gateway", *args, **kwargs)

    VPCBackend.create_vpc_endpoint = create_vpc_endpoint
    VPCBackend.delete_vpc = delete_vpc
    SubnetBackend.delete_subnet = delete_subnet
    SecurityGroupBackend.delete_security_group = delete_security_group
