"""EC2 nodes with their own network interfaces, and prefix-list rules, as on AWS.

AWS behaviour:
- Terminating an instance deletes the network interfaces attached with
  ``DeleteOnTermination`` and *detaches* the others: an interface created on
  its own (``CreateNetworkInterface``) and given to ``RunInstances`` as the
  primary interface (device index 0) is ``available`` again once the instance
  is terminated, and can then be deleted or attached to a new instance. That
  is how a node keeps one address for life (the ClickHouse nodes do).
- An interface that RunInstances creates itself (no ``NetworkInterfaceId``)
  is deleted with the instance unless ``DeleteOnTermination`` is false.
- An instance launched from a launch template takes the template's
  metadata options (IMDSv2 ``HttpTokens``, hop limit), detailed monitoring
  and EBS optimisation unless the request sets them; an instance whose
  primary interface is given by id lives in that interface's subnet and
  gets a public address only if that subnet maps one.
- A security group rule whose peer is a managed prefix list keeps its
  description: DescribeSecurityGroupRules returns it in ``Description``.

moto gaps (5.2.1):
- ``Instance.terminate`` leaves such an interface attached to the terminated
  instance (status ``in-use``), so DeleteNetworkInterface has to detach it
  first and DetachNetworkInterface refuses the primary interface
  (``OperationNotPermitted``): ``terraform destroy`` of an
  ``aws_network_interface`` used by an ``aws_instance`` failed. Found by the
  clickhouse module example.
- ``Instance.prep_nics`` gives the interfaces RunInstances creates
  ``DeleteOnTermination = false`` unless the request says true, so they
  outlived their instances (leftovers after destroy once they are detached).
- ``SecurityGroupRule`` keeps only the ``PrefixListId`` of a prefix-list
  peer and drops its ``Description``, so every plan of an
  ``aws_vpc_security_group_egress_rule`` with ``prefix_list_id`` and a
  description wanted an update.

- ``run_instances`` takes only the image, type, key, user data, groups and
  tags from a launch template: instances came up with IMDSv1 allowed,
  monitoring and EBS optimisation off (re-planned clean, since
  ``aws_instance`` reads them as computed, but the state and checkov's plan
  scan said "IMDSv1 enabled"); with only ``NetworkInterfaceId`` in the
  request the instance counted as EC2-Classic and got a public address.
- ``NetworkInterface.association`` is ``{}`` for an interface without a
  public address, and DescribeInstances renders it as an empty
  ``<association/>``: the provider reads "an association is present" as
  ``associate_public_ip_address = true``, so every node in a private subnet
  looked public in the state and in checkov's plan scan (CKV_AWS_88).
- ``Instance`` has no ``state_name`` (it is ``state``), which the
  ``ec2_network`` dependency check of DeleteSubnet and the resource inventory
  (``inventory.py``) read: with any instance in the region, DeleteSubnet
  answered 500 and ``/infra-emulator/resources`` reported an error instead of
  the instances.

Extension (in moto's terms): wraps ``InstanceBackend.run_instances`` to fill
those settings from the template and the subnet from the given primary
interface; gives ``Instance`` a read-only ``state_name``
(its state's name); wraps ``Instance.prep_nics`` to default the
interfaces it creates to ``DeleteOnTermination = true``,
``Instance.terminate`` to detach the interfaces it did not delete (the
terminated instance's record keeps pointing at them, as moto needs to
describe it), and ``NetworkInterface.association`` to be absent without a public address,
``SecurityGroupRule.__init__`` to keep the prefix list's description, which the ``description`` property (as left by the
``ec2_network`` extension, applied before this one) falls back to.
"""

NAME = "ec2_nodes"


def apply() -> None:
    from moto.ec2.models.elastic_network_interfaces import NetworkInterface
    from moto.ec2.models.instances import Instance
    from moto.ec2.models.security_groups import SecurityGroupRule

    if getattr(Instance, "_infra_emulator_nodes", False):
        return

    from moto.ec2.models.instances import InstanceBackend

    run_instances = InstanceBackend.run_instances

    def run_instances_with_template(self, image_id, count, user_data, security_group_names, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("launch_template"):
            data = self._get_template_from_args(kwargs["launch_template"]).data
            if not kwargs.get("metadata_options") and data.get("MetadataOptions"):
                kwargs["metadata_options"] = dict(data["MetadataOptions"])
            if kwargs.get("monitoring_state", "disabled") == "disabled" and _true(
                    (data.get("Monitoring") or {}).get("Enabled")):
                kwargs["monitoring_state"] = "enabled"
            if not kwargs.get("ebs_optimized") and _true(data.get("EbsOptimized")):
                kwargs["ebs_optimized"] = True
        primary = [n for n in kwargs.get("nics") or []
                   if n.get("NetworkInterfaceId") and int(n.get("DeviceIndex", 0)) == 0]
        if primary and not kwargs.get("subnet_id"):
            eni = self.get_network_interface(primary[0]["NetworkInterfaceId"])
            kwargs["subnet_id"] = eni.subnet.id
            if kwargs.get("associate_public_ip") is None:
                kwargs["associate_public_ip"] = eni.subnet.map_public_ip_on_launch is True
        return run_instances(self, image_id, count, user_data, security_group_names, **kwargs)

    InstanceBackend.run_instances = run_instances_with_template

    if not hasattr(Instance, "state_name"):
        Instance.state_name = property(lambda self: self._state.name)

    terminate = Instance.terminate

    def terminate_detaching(self):  # type: ignore[no-untyped-def]
        kept = [nic for nic in self.nics.values() if not nic.delete_on_termination]
        state = terminate(self)
        # Detach the interface itself but leave it in the terminated
        # instance's record: moto reads nics[0] for the private and public
        # addresses, the VPC and the subnet of every instance it describes.
        for nic in kept:
            if nic.instance is self:
                nic.instance = None
                nic.attachment_id = None
                nic.attach_time = None
                nic.status = "available"
                nic.device_index = None
        return state

    Instance.terminate = terminate_detaching

    prep_nics = Instance.prep_nics

    def prep_nics_deleting_own(self, nic_spec, *args, **kwargs):  # type: ignore[no-untyped-def]
        given, explicit = set(), {}
        for nic in nic_spec or []:
            index = int(nic.get("DeviceIndex", 0))
            if nic.get("NetworkInterfaceId"):
                given.add(index)
            if nic.get("DeleteOnTermination") is not None:
                explicit[index] = str(nic.get("DeleteOnTermination")).lower() == "true"
        result = prep_nics(self, nic_spec, *args, **kwargs)
        for index, eni in self.nics.items():
            if index not in given:
                eni.delete_on_termination = explicit.get(index, True)
        return result

    Instance.prep_nics = prep_nics_deleting_own

    init = SecurityGroupRule.__init__

    def rule_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)
        prefix_list = kwargs.get("prefix_list_id")
        if prefix_list is None and len(args) >= 8:
            prefix_list = args[7]
        self._prefix_list_description = (
            prefix_list.get("Description") if isinstance(prefix_list, dict) else None)

    previous = SecurityGroupRule.description

    def description(self):  # type: ignore[no-untyped-def]
        value = previous.fget(self) if isinstance(previous, property) else None
        return value or getattr(self, "_prefix_list_description", None)

    # No public address, no association (AWS leaves the element out).
    association = NetworkInterface.association

    def association_if_public(self):  # type: ignore[no-untyped-def]
        return association.fget(self) if self.public_ip else None

    NetworkInterface.association = property(association_if_public)

    SecurityGroupRule.__init__ = rule_init
    SecurityGroupRule.description = property(description)
    Instance._infra_emulator_nodes = True


def _true(value) -> bool:  # type: ignore[no-untyped-def]
    return value is True or str(value).lower() == "true"
