"""EKS extension: clusters/node groups read back as sent, add-ons, access
entries and policies, Pod Identity associations, updates, tags."""

import pytest
from botocore.exceptions import ClientError

ADMIN = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
VIEW = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"


def code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


@pytest.fixture
def env(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24",
                                 AvailabilityZone=f"us-east-1{az}")["Subnet"]["SubnetId"]
               for i, az in enumerate("ab")]
    eks = emulator.client("eks", account)
    role = f"arn:aws:iam::{account}:role/cluster"
    return {"eks": eks, "ec2": ec2, "vpc": vpc, "subnets": subnets, "role": role,
            "account": account}


def make_cluster(env, name="c1", **kw):
    kw.setdefault("accessConfig", {"authenticationMode": "API",
                                   "bootstrapClusterCreatorAdminPermissions": False})
    return env["eks"].create_cluster(
        name=name, roleArn=env["role"], version="1.33",
        resourcesVpcConfig={"subnetIds": env["subnets"], "endpointPrivateAccess": True,
                            "endpointPublicAccess": True,
                            "publicAccessCidrs": ["203.0.113.0/24"]}, **kw)["cluster"]


def test_cluster_reads_back_access_config_and_vpc_config(env, account):
    created = make_cluster(
        env, encryptionConfig=[{"resources": ["secrets"], "provider": {
            "keyArn": f"arn:aws:kms:us-east-1:{account}:key/abc"}}],
        logging={"clusterLogging": [{"types": ["api", "audit"], "enabled": True}]},
        zonalShiftConfig={"enabled": True})
    assert created["status"] == "CREATING"
    cluster = env["eks"].describe_cluster(name="c1")["cluster"]
    assert cluster["status"] == "ACTIVE"
    assert cluster["accessConfig"] == {"authenticationMode": "API",
                                       "bootstrapClusterCreatorAdminPermissions": False}
    vpc = cluster["resourcesVpcConfig"]
    assert vpc["endpointPrivateAccess"] is True and vpc["endpointPublicAccess"] is True
    assert vpc["publicAccessCidrs"] == ["203.0.113.0/24"]
    assert vpc["vpcId"] == env["vpc"] and vpc["clusterSecurityGroupId"].startswith("sg-")
    assert cluster["encryptionConfig"][0]["provider"]["keyArn"].endswith("key/abc")
    assert cluster["upgradePolicy"] == {"supportType": "EXTENDED"}
    assert cluster["zonalShiftConfig"] == {"enabled": True}
    assert cluster["kubernetesNetworkConfig"]["ipFamily"] == "ipv4"
    assert cluster["logging"]["clusterLogging"][0] == {"types": ["api", "audit"],
                                                       "enabled": True}
    # no access entries: bootstrap admin permissions were off
    assert env["eks"].list_access_entries(clusterName="c1")["accessEntries"] == []


def test_cluster_defaults_and_bootstrap_admin(env, account):
    env["eks"].create_cluster(name="d", roleArn=env["role"],
                              resourcesVpcConfig={"subnetIds": env["subnets"]})
    cluster = env["eks"].describe_cluster(name="d")["cluster"]
    assert cluster["accessConfig"]["authenticationMode"] == "CONFIG_MAP"
    assert cluster["resourcesVpcConfig"]["publicAccessCidrs"] == ["0.0.0.0/0"]
    assert "zonalShiftConfig" not in cluster
    with pytest.raises(ClientError) as e:
        env["eks"].create_access_entry(clusterName="d",
                                       principalArn=f"arn:aws:iam::{account}:role/x")
    assert code(e) == "InvalidRequestException"
    make_cluster(env, "boot", accessConfig={"authenticationMode": "API_AND_CONFIG_MAP"})
    entries = env["eks"].list_access_entries(clusterName="boot")["accessEntries"]
    assert entries == [f"arn:aws:iam::{account}:root"]
    assert env["eks"].list_associated_access_policies(
        clusterName="boot", principalArn=entries[0])["associatedAccessPolicies"][0][
        "policyArn"] == ADMIN


def test_cluster_bad_values_and_duplicates(env):
    with pytest.raises(ClientError) as e:
        make_cluster(env, accessConfig={"authenticationMode": "LDAP"})
    assert code(e) == "InvalidParameterException"
    make_cluster(env)
    with pytest.raises(ClientError) as e:
        make_cluster(env)
    assert code(e) == "ResourceInUseException"
    with pytest.raises(ClientError) as e:
        env["eks"].describe_cluster(name="nope")
    assert code(e) == "ResourceNotFoundException"


def test_update_cluster_config_returns_update(env):
    make_cluster(env, accessConfig={"authenticationMode": "CONFIG_MAP"})
    eks = env["eks"]
    update = eks.update_cluster_config(
        name="c1", accessConfig={"authenticationMode": "API_AND_CONFIG_MAP"})["update"]
    assert update["status"] == "Successful"
    assert eks.describe_update(name="c1", updateId=update["id"])["update"]["id"] == update["id"]
    assert update["id"] in eks.list_updates(name="c1")["updateIds"]
    assert eks.describe_cluster(name="c1")["cluster"]["accessConfig"][
        "authenticationMode"] == "API_AND_CONFIG_MAP"
    with pytest.raises(ClientError) as e:
        eks.update_cluster_config(name="c1", accessConfig={"authenticationMode": "CONFIG_MAP"})
    assert code(e) == "InvalidParameterException"
    eks.update_cluster_config(name="c1", resourcesVpcConfig={"publicAccessCidrs": ["10.1.0.0/16"]},
                              logging={"clusterLogging": [{"types": ["audit"], "enabled": True}]})
    cluster = eks.describe_cluster(name="c1")["cluster"]
    assert cluster["resourcesVpcConfig"]["publicAccessCidrs"] == ["10.1.0.0/16"]
    assert cluster["resourcesVpcConfig"]["endpointPrivateAccess"] is True
    assert cluster["logging"]["clusterLogging"][0]["types"] == ["audit"]
    with pytest.raises(ClientError) as e:
        eks.describe_update(name="c1", updateId="missing")
    assert code(e) == "ResourceNotFoundException"


def launch_template(env, name="lt-1"):
    return env["ec2"].create_launch_template(
        LaunchTemplateName=name,
        LaunchTemplateData={"MetadataOptions": {"HttpTokens": "required"}})["LaunchTemplate"]


def make_nodegroup(env, name="ng", **kw):
    kw.setdefault("scalingConfig", {"minSize": 1, "maxSize": 3, "desiredSize": 2})
    return env["eks"].create_nodegroup(
        clusterName="c1", nodegroupName=name, nodeRole=env["role"],
        subnets=env["subnets"], **kw)["nodegroup"]


def test_nodegroup_reads_back_as_sent(env):
    make_cluster(env)
    lt = launch_template(env)
    created = make_nodegroup(env, launchTemplate={"id": lt["LaunchTemplateId"], "version": "1"},
                             updateConfig={"maxUnavailablePercentage": 33},
                             capacityType="SPOT", instanceTypes=["m5.large", "m5a.large"],
                             labels={"role": "general"},
                             taints=[{"key": "k", "value": "v", "effect": "NO_SCHEDULE"}])
    assert created["status"] == "CREATING"
    ng = env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE"
    assert "remoteAccess" not in ng and "diskSize" not in ng
    assert ng["updateConfig"] == {"maxUnavailablePercentage": 33}
    assert ng["launchTemplate"] == {"name": "lt-1", "id": lt["LaunchTemplateId"], "version": "1"}
    assert ng["capacityType"] == "SPOT" and ng["version"] == "1.33"
    assert ng["amiType"] == "AL2023_x86_64_STANDARD"
    assert ng["labels"] == {"role": "general"} and ng["taints"][0]["key"] == "k"
    update = env["eks"].update_nodegroup_config(
        clusterName="c1", nodegroupName="ng",
        scalingConfig={"minSize": 2, "maxSize": 4, "desiredSize": 3},
        updateConfig={"maxUnavailable": 1})["update"]
    assert env["eks"].describe_update(name="c1", nodegroupName="ng",
                                      updateId=update["id"])["update"]["status"] == "Successful"
    ng = env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="ng")["nodegroup"]
    assert ng["scalingConfig"] == {"minSize": 2, "maxSize": 4, "desiredSize": 3}
    assert ng["updateConfig"] == {"maxUnavailable": 1}


def test_nodegroup_remote_access_only_when_given(env):
    make_cluster(env)
    make_nodegroup(env, remoteAccess={"ec2SshKey": "mine"})
    ng = env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="ng")["nodegroup"]
    assert ng["remoteAccess"] == {"ec2SshKey": "mine"}


def test_nodegroup_bad_values(emulator, env, account):
    make_cluster(env)
    env = dict(env, eks=emulator.client("eks", account, validate=False))
    for kw in ({"updateConfig": {"maxUnavailable": 1, "maxUnavailablePercentage": 10}},
               {"updateConfig": {"maxUnavailable": 0}},
               {"capacityType": "CHEAP"},
               {"scalingConfig": {"minSize": 3, "maxSize": 2, "desiredSize": 2}},
               {"launchTemplate": {"name": "missing", "version": "1"}},
               {"taints": [{"key": "k", "effect": "SOMETIMES"}]}):
        with pytest.raises(ClientError) as e:
            make_nodegroup(env, **kw)
        assert code(e) == "InvalidParameterException", kw
    make_nodegroup(env)
    with pytest.raises(ClientError) as e:
        make_nodegroup(env)
    assert code(e) == "ResourceInUseException"
    with pytest.raises(ClientError) as e:
        env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="nope")
    assert code(e) == "ResourceNotFoundException"


def test_delete_cluster_with_nodegroup_in_use_then_gone(env):
    make_cluster(env)
    make_nodegroup(env)
    with pytest.raises(ClientError) as e:
        env["eks"].delete_cluster(name="c1")
    assert code(e) == "ResourceInUseException"
    assert env["eks"].delete_nodegroup(clusterName="c1", nodegroupName="ng")[
        "nodegroup"]["status"] == "DELETING"
    with pytest.raises(ClientError) as e:
        env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="ng")
    assert code(e) == "ResourceNotFoundException"
    assert env["eks"].delete_cluster(name="c1")["cluster"]["status"] == "DELETING"
    with pytest.raises(ClientError) as e:
        env["eks"].describe_cluster(name="c1")
    assert code(e) == "ResourceNotFoundException"


def test_addons_lifecycle(env, account):
    make_cluster(env)
    eks = env["eks"]
    versions = eks.describe_addon_versions(kubernetesVersion="1.33")["addons"]
    names = {a["addonName"] for a in versions}
    assert {"vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver",
            "eks-pod-identity-agent"} <= names
    addon = eks.create_addon(clusterName="c1", addonName="vpc-cni",
                             tags={"a": "b"})["addon"]
    assert addon["status"] == "CREATING"
    assert addon["addonArn"].startswith(f"arn:aws:eks:us-east-1:{account}:addon/c1/vpc-cni/")
    described = eks.describe_addon(clusterName="c1", addonName="vpc-cni")["addon"]
    assert described["status"] == "ACTIVE" and described["addonVersion"] == "v1.19.5-eksbuild.1"
    assert eks.list_addons(clusterName="c1")["addons"] == ["vpc-cni"]
    update = eks.update_addon(clusterName="c1", addonName="vpc-cni",
                              addonVersion="v1.19.2-eksbuild.1")["update"]
    assert eks.describe_update(name="c1", addonName="vpc-cni",
                               updateId=update["id"])["update"]["status"] == "Successful"
    eks.tag_resource(resourceArn=addon["addonArn"], tags={"c": "d"})
    assert eks.list_tags_for_resource(resourceArn=addon["addonArn"])["tags"] == {
        "a": "b", "c": "d"}
    with pytest.raises(ClientError) as e:
        eks.create_addon(clusterName="c1", addonName="vpc-cni")
    assert code(e) == "ResourceInUseException"
    with pytest.raises(ClientError) as e:
        eks.create_addon(clusterName="c1", addonName="not-an-addon")
    assert code(e) == "InvalidParameterException"
    with pytest.raises(ClientError) as e:
        eks.create_addon(clusterName="c1", addonName="coredns", addonVersion="v0.0.1")
    assert code(e) == "InvalidParameterException"
    with pytest.raises(ClientError) as e:
        eks.create_addon(clusterName="nope", addonName="coredns")
    assert code(e) == "ResourceNotFoundException"
    assert eks.delete_addon(clusterName="c1", addonName="vpc-cni")["addon"][
        "status"] == "DELETING"
    with pytest.raises(ClientError) as e:
        eks.describe_addon(clusterName="c1", addonName="vpc-cni")
    assert code(e) == "ResourceNotFoundException"


def test_access_entries_and_policies(env, account):
    make_cluster(env)
    eks = env["eks"]
    admin = f"arn:aws:iam::{account}:role/admin"
    entry = eks.create_access_entry(clusterName="c1", principalArn=admin,
                                    kubernetesGroups=["ops"], tags={"t": "1"})["accessEntry"]
    assert entry["type"] == "STANDARD"
    assert entry["accessEntryArn"].startswith(
        f"arn:aws:eks:us-east-1:{account}:access-entry/c1/role/{account}/admin/")
    assert eks.describe_access_entry(clusterName="c1", principalArn=admin)[
        "accessEntry"]["kubernetesGroups"] == ["ops"]
    eks.update_access_entry(clusterName="c1", principalArn=admin, kubernetesGroups=["dev"])
    assert eks.describe_access_entry(clusterName="c1", principalArn=admin)[
        "accessEntry"]["kubernetesGroups"] == ["dev"]
    assert eks.list_access_entries(clusterName="c1")["accessEntries"] == [admin]
    assert eks.list_tags_for_resource(resourceArn=entry["accessEntryArn"])["tags"] == {"t": "1"}

    associated = eks.associate_access_policy(
        clusterName="c1", principalArn=admin, policyArn=ADMIN,
        accessScope={"type": "cluster"})["associatedAccessPolicy"]
    assert associated["accessScope"] == {"type": "cluster", "namespaces": []}
    eks.associate_access_policy(clusterName="c1", principalArn=admin, policyArn=VIEW,
                                accessScope={"type": "namespace", "namespaces": ["a", "b"]})
    policies = eks.list_associated_access_policies(clusterName="c1", principalArn=admin)[
        "associatedAccessPolicies"]
    assert {p["policyArn"] for p in policies} == {ADMIN, VIEW}
    assert eks.list_access_entries(clusterName="c1", associatedPolicyArn=VIEW)[
        "accessEntries"] == [admin]
    for scope, policy in (({"type": "namespace"}, VIEW), ({"type": "galaxy"}, VIEW),
                          ({"type": "cluster"},
                           "arn:aws:eks::aws:cluster-access-policy/NoSuchPolicy")):
        with pytest.raises(ClientError) as e:
            eks.associate_access_policy(clusterName="c1", principalArn=admin,
                                        policyArn=policy, accessScope=scope)
        assert code(e) == "InvalidParameterException"
    eks.disassociate_access_policy(clusterName="c1", principalArn=admin, policyArn=VIEW)
    with pytest.raises(ClientError) as e:
        eks.disassociate_access_policy(clusterName="c1", principalArn=admin, policyArn=VIEW)
    assert code(e) == "ResourceNotFoundException"

    with pytest.raises(ClientError) as e:
        eks.create_access_entry(clusterName="c1", principalArn=admin)
    assert code(e) == "ResourceInUseException"
    with pytest.raises(ClientError) as e:
        eks.create_access_entry(clusterName="c1", principalArn="not-an-arn")
    assert code(e) == "InvalidParameterException"
    with pytest.raises(ClientError) as e:
        eks.create_access_entry(clusterName="c1", principalArn=admin + "2", type="SOMETHING")
    assert code(e) == "InvalidParameterException"
    eks.delete_access_entry(clusterName="c1", principalArn=admin)
    with pytest.raises(ClientError) as e:
        eks.describe_access_entry(clusterName="c1", principalArn=admin)
    assert code(e) == "ResourceNotFoundException"


def test_pod_identity_associations(env, account):
    make_cluster(env)
    eks = env["eks"]
    role = f"arn:aws:iam::{account}:role/app"
    association = eks.create_pod_identity_association(
        clusterName="c1", namespace="apps", serviceAccount="api", roleArn=role,
        tags={"x": "y"})["association"]
    assert association["associationId"].startswith("a-")
    assert len(association["associationId"]) == 19
    assert association["associationArn"] == (
        f"arn:aws:eks:us-east-1:{account}:podidentityassociation/c1/"
        f"{association['associationId']}")
    aid = association["associationId"]
    assert eks.describe_pod_identity_association(clusterName="c1", associationId=aid)[
        "association"]["roleArn"] == role
    assert [a["associationId"] for a in eks.list_pod_identity_associations(
        clusterName="c1", namespace="apps")["associations"]] == [aid]
    eks.update_pod_identity_association(clusterName="c1", associationId=aid,
                                        roleArn=role + "2")
    assert eks.describe_pod_identity_association(clusterName="c1", associationId=aid)[
        "association"]["roleArn"] == role + "2"
    eks.tag_resource(resourceArn=association["associationArn"], tags={"z": "1"})
    assert eks.list_tags_for_resource(resourceArn=association["associationArn"])[
        "tags"] == {"x": "y", "z": "1"}
    with pytest.raises(ClientError) as e:
        eks.create_pod_identity_association(clusterName="c1", namespace="apps",
                                            serviceAccount="api", roleArn=role)
    assert code(e) == "ResourceInUseException"
    with pytest.raises(ClientError) as e:
        eks.create_pod_identity_association(clusterName="c1", namespace="apps",
                                            serviceAccount="other", roleArn="bad")
    assert code(e) == "InvalidParameterException"
    eks.delete_pod_identity_association(clusterName="c1", associationId=aid)
    with pytest.raises(ClientError) as e:
        eks.describe_pod_identity_association(clusterName="c1", associationId=aid)
    assert code(e) == "ResourceNotFoundException"


def test_tags_on_nodegroups_and_unknown_arns(env, account):
    make_cluster(env)
    ng = make_nodegroup(env, tags={"a": "1"})
    eks = env["eks"]
    eks.tag_resource(resourceArn=ng["nodegroupArn"], tags={"b": "2"})
    eks.untag_resource(resourceArn=ng["nodegroupArn"], tagKeys=["a"])
    assert eks.list_tags_for_resource(resourceArn=ng["nodegroupArn"])["tags"] == {"b": "2"}
    assert eks.describe_nodegroup(clusterName="c1", nodegroupName="ng")["nodegroup"][
        "tags"] == {"b": "2"}
    with pytest.raises(ClientError) as e:
        eks.list_tags_for_resource(
            resourceArn=f"arn:aws:eks:us-east-1:{account}:addon/c1/x/0000")
    assert code(e) == "ResourceNotFoundException"


def test_cluster_delete_takes_its_addons_entries_and_associations(emulator, env, account):
    make_cluster(env)
    eks = env["eks"]
    eks.create_addon(clusterName="c1", addonName="coredns")
    eks.create_access_entry(clusterName="c1", principalArn=f"arn:aws:iam::{account}:role/a")
    eks.create_pod_identity_association(clusterName="c1", namespace="n", serviceAccount="s",
                                        roleArn=f"arn:aws:iam::{account}:role/a")
    eks.delete_cluster(name="c1")
    make_cluster(env)
    assert eks.list_addons(clusterName="c1")["addons"] == []
    assert eks.list_access_entries(clusterName="c1")["accessEntries"] == []
    assert eks.list_pod_identity_associations(clusterName="c1")["associations"] == []


def test_scheduled_actions_on_a_nodegroups_autoscaling_group(emulator, env, account):
    """The dev scale-down schedule: actions on the node group's ASG, gone with the node group."""
    make_cluster(env)
    lt = launch_template(env)
    make_nodegroup(env, launchTemplate={"id": lt["LaunchTemplateId"], "version": "1"})
    asg = env["eks"].describe_nodegroup(clusterName="c1", nodegroupName="ng")[
        "nodegroup"]["resources"]["autoScalingGroups"][0]["name"]
    autoscaling = emulator.client("autoscaling", account)
    autoscaling.put_scheduled_update_group_action(
        AutoScalingGroupName=asg, ScheduledActionName="c1-ng-scale-down",
        Recurrence="0 20 * * MON-FRI", TimeZone="Europe/Berlin",
        MinSize=0, MaxSize=3, DesiredCapacity=0)
    actions = autoscaling.describe_scheduled_actions(AutoScalingGroupName=asg)[
        "ScheduledUpdateGroupActions"]
    assert [(a["ScheduledActionName"], a["Recurrence"], a["DesiredCapacity"]) for a in actions] == [
        ("c1-ng-scale-down", "0 20 * * MON-FRI", 0)]
    with pytest.raises(ClientError) as e:
        autoscaling.put_scheduled_update_group_action(
            AutoScalingGroupName="eks-no-such-group", ScheduledActionName="x",
            Recurrence="0 7 * * *", MinSize=0, MaxSize=1, DesiredCapacity=1)
    assert code(e) == "ValidationError"
    env["eks"].delete_nodegroup(clusterName="c1", nodegroupName="ng")
    assert autoscaling.describe_scheduled_actions()["ScheduledUpdateGroupActions"] == []
