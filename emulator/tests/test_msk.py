import base64

import pytest
from botocore.exceptions import ClientError

PROPS = b"auto.create.topics.enable=false\ndefault.replication.factor=3\nmin.insync.replicas=2\n"


def _subnets(emulator, account, region="us-east-1"):
    ec2 = emulator.client("ec2", account, region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    azs = [f"{region}a", f"{region}b", f"{region}c"]
    return [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az)
            ["Subnet"]["SubnetId"] for i, az in enumerate(azs)]


def _cluster(emulator, account, name="events", region="us-east-1", config=None, wait=True):
    kafka = emulator.client("kafka", account, region)
    kwargs = {}
    if config:
        kwargs["ConfigurationInfo"] = config
    arn = kafka.create_cluster(
        ClusterName=name, KafkaVersion="3.6.0", NumberOfBrokerNodes=3,
        BrokerNodeGroupInfo={
            "InstanceType": "kafka.m7g.large", "ClientSubnets": _subnets(emulator, account, region),
            "SecurityGroups": ["sg-1"],
            "StorageInfo": {"EbsStorageInfo": {"VolumeSize": 100, "ProvisionedThroughput": {
                "Enabled": True, "VolumeThroughput": 250}}}},
        ClientAuthentication={"Sasl": {"Iam": {"Enabled": True}}},
        EncryptionInfo={"EncryptionAtRest": {"DataVolumeKMSKeyId": "arn:aws:kms:us-east-1:1:key/k"},
                        "EncryptionInTransit": {"ClientBroker": "TLS", "InCluster": True}},
        LoggingInfo={"BrokerLogs": {"CloudWatchLogs": {"Enabled": True, "LogGroup": "/msk"}}},
        OpenMonitoring={"Prometheus": {"JmxExporter": {"EnabledInBroker": True},
                                       "NodeExporter": {"EnabledInBroker": True}}},
        EnhancedMonitoring="PER_BROKER", Tags={"env": "dev"}, **kwargs)["ClusterArn"]
    if wait:
        states = [kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]["State"] for _ in range(2)]
        assert states == ["CREATING", "ACTIVE"]
    return kafka, arn


def test_configuration_lifecycle(emulator, account):
    kafka = emulator.client("kafka", account)
    created = kafka.create_configuration(Name="events", KafkaVersions=["3.6.0"],
                                         ServerProperties=PROPS, Description="d")
    arn = created["Arn"]
    assert arn.startswith(f"arn:aws:kafka:us-east-1:{account}:configuration/events/")
    assert created["LatestRevision"]["Revision"] == 1 and created["State"] == "ACTIVE"
    rev = kafka.describe_configuration_revision(Arn=arn, Revision=1)
    assert rev["ServerProperties"] == PROPS
    updated = kafka.update_configuration(Arn=arn, ServerProperties=PROPS + b"x=1\n")
    assert updated["LatestRevision"]["Revision"] == 2
    desc = kafka.describe_configuration(Arn=arn)
    assert desc["LatestRevision"]["Revision"] == 2 and desc["KafkaVersions"] == ["3.6.0"]
    assert [c["Arn"] for c in kafka.list_configurations()["Configurations"]] == [arn]
    assert len(kafka.list_configuration_revisions(Arn=arn)["Revisions"]) == 2
    with pytest.raises(ClientError) as err:
        kafka.create_configuration(Name="events", ServerProperties=PROPS)
    assert err.value.response["Error"]["Code"] == "ConflictException"
    with pytest.raises(ClientError) as err:
        kafka.describe_configuration_revision(Arn=arn, Revision=3)
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    assert kafka.delete_configuration(Arn=arn)["State"] == "DELETING"
    assert kafka.describe_configuration(Arn=arn)["State"] == "DELETING"
    with pytest.raises(ClientError) as err:  # AWS's answer (the provider matches the message)
        kafka.describe_configuration(Arn=arn)
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    assert "Configuration ARN does not exist" in err.value.response["Error"]["Message"]


def test_configuration_bad_values(emulator, account):
    kafka = emulator.client("kafka", account, validate=False)
    with pytest.raises(ClientError) as err:
        kafka.create_configuration(Name="bad name", ServerProperties=PROPS)
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    with pytest.raises(ClientError) as err:
        kafka.create_configuration(Name="ok", ServerProperties=b"no-equals-sign")
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    with pytest.raises(ClientError) as err:
        kafka.describe_configuration(Arn=f"arn:aws:kafka:us-east-1:{account}:configuration/x/y")
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    assert "Configuration ARN does not exist" in err.value.response["Error"]["Message"]


def test_cluster_progression_attributes_and_brokers(emulator, account):
    kafka = emulator.client("kafka", account)
    config = kafka.create_configuration(Name="events", ServerProperties=PROPS)["Arn"]
    kafka, arn = _cluster(emulator, account, config={"Arn": config, "Revision": 1})
    assert arn.startswith(f"arn:aws:kafka:us-east-1:{account}:cluster/events/")
    info = kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]
    assert info["BrokerNodeGroupInfo"]["StorageInfo"]["EbsStorageInfo"]["ProvisionedThroughput"] \
        == {"Enabled": True, "VolumeThroughput": 250}
    assert info["ClientAuthentication"] == {"Sasl": {"Iam": {"Enabled": True}}}
    assert info["CurrentBrokerSoftwareInfo"] == {"ConfigurationArn": config,
                                                 "ConfigurationRevision": 1, "KafkaVersion": "3.6.0"}
    assert info["EnhancedMonitoring"] == "PER_BROKER"
    assert info["LoggingInfo"]["BrokerLogs"]["CloudWatchLogs"]["LogGroup"] == "/msk"
    assert info["OpenMonitoring"]["Prometheus"]["NodeExporter"] == {"EnabledInBroker": True}
    assert info["Tags"] == {"env": "dev"}
    brokers = kafka.get_bootstrap_brokers(ClusterArn=arn)
    assert "BootstrapBrokerString" not in brokers and "BootstrapBrokerStringTls" not in brokers
    iam = brokers["BootstrapBrokerStringSaslIam"].split(",")
    assert len(iam) == 3 and iam[0].startswith("b-1.events.")
    assert iam[0].endswith(".c2.kafka.us-east-1.amazonaws.com:9098")
    # a configuration in use cannot be deleted
    with pytest.raises(ClientError) as err:
        kafka.delete_configuration(Arn=config)
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    assert kafka.delete_cluster(ClusterArn=arn)["State"] == "DELETING"
    assert kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]["State"] == "DELETING"
    with pytest.raises(ClientError) as err:
        kafka.describe_cluster(ClusterArn=arn)
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    assert err.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_cluster_errors(emulator, account):
    kafka = emulator.client("kafka", account)
    with pytest.raises(ClientError) as err:
        kafka.describe_cluster(ClusterArn=f"arn:aws:kafka:us-east-1:{account}:cluster/x/y")
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    with pytest.raises(ClientError) as err:
        kafka.create_cluster(ClusterName="c", KafkaVersion="3.6.0", NumberOfBrokerNodes=2,
                             BrokerNodeGroupInfo={"InstanceType": "kafka.m7g.large",
                                                  "ClientSubnets": ["a", "b", "c"]})
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    with pytest.raises(ClientError) as err:
        kafka.create_cluster(
            ClusterName="c", KafkaVersion="3.6.0", NumberOfBrokerNodes=3,
            BrokerNodeGroupInfo={"InstanceType": "kafka.m7g.large", "ClientSubnets": ["a", "b", "c"]},
            ConfigurationInfo={"Arn": f"arn:aws:kafka:us-east-1:{account}:configuration/n/u",
                               "Revision": 1})
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    _, arn = _cluster(emulator, account, wait=False)
    with pytest.raises(ClientError) as err:  # brokers are not there while CREATING
        kafka.get_bootstrap_brokers(ClusterArn=arn)
    assert err.value.response["Error"]["Code"] == "BadRequestException"


def test_cluster_updates_and_operations(emulator, account):
    kafka, arn = _cluster(emulator, account)
    version = kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]["CurrentVersion"]
    with pytest.raises(ClientError) as err:
        kafka.update_broker_storage(ClusterArn=arn, CurrentVersion="stale",
                                    TargetBrokerEBSVolumeInfo=[{"KafkaBrokerNodeId": "All",
                                                                "VolumeSizeGB": 200}])
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    op = kafka.update_broker_storage(ClusterArn=arn, CurrentVersion=version,
                                     TargetBrokerEBSVolumeInfo=[{"KafkaBrokerNodeId": "All",
                                                                 "VolumeSizeGB": 200}])
    states = [kafka.describe_cluster_operation(ClusterOperationArn=op["ClusterOperationArn"])
              ["ClusterOperationInfo"]["OperationState"] for _ in range(2)]
    assert states == ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]
    info = kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]
    assert info["BrokerNodeGroupInfo"]["StorageInfo"]["EbsStorageInfo"]["VolumeSize"] == 200
    assert info["CurrentVersion"] != version
    kafka.update_monitoring(ClusterArn=arn, CurrentVersion=info["CurrentVersion"],
                            EnhancedMonitoring="PER_TOPIC_PER_BROKER")
    assert kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]["EnhancedMonitoring"] \
        == "PER_TOPIC_PER_BROKER"
    with pytest.raises(ClientError) as err:
        kafka.describe_cluster_operation(ClusterOperationArn=op["ClusterOperationArn"] + "x")
    assert err.value.response["Error"]["Code"] == "NotFoundException"


def test_replicator_lifecycle(emulator, account):
    kafka, source = _cluster(emulator, account, "source")
    west, target = _cluster(emulator, account, "target", region="us-west-2")
    subnets = _subnets(emulator, account, "us-west-2")
    clusters = [{"AmazonMskCluster": {"MskClusterArn": source},
                 "VpcConfig": {"SubnetIds": subnets, "SecurityGroupIds": ["sg-1"]}},
                {"AmazonMskCluster": {"MskClusterArn": target},
                 "VpcConfig": {"SubnetIds": subnets, "SecurityGroupIds": ["sg-2"]}}]
    info = {"SourceKafkaClusterArn": source, "TargetKafkaClusterArn": target,
            "TargetCompressionType": "NONE",
            "TopicReplication": {"TopicsToReplicate": [".*"], "CopyTopicConfigurations": True,
                                 "DetectAndCopyNewTopics": True,
                                 "StartingPosition": {"Type": "LATEST"}},
            "ConsumerGroupReplication": {"ConsumerGroupsToReplicate": [".*"],
                                         "SynchroniseConsumerGroupOffsets": True}}
    created = west.create_replicator(
        ReplicatorName="east-to-west", KafkaClusters=clusters, ReplicationInfoList=[info],
        ServiceExecutionRoleArn=f"arn:aws:iam::{account}:role/r", Tags={"a": "b"})
    arn = created["ReplicatorArn"]
    assert arn.startswith(f"arn:aws:kafka:us-west-2:{account}:replicator/east-to-west/")
    states = [west.describe_replicator(ReplicatorArn=arn)["ReplicatorState"] for _ in range(2)]
    assert states == ["CREATING", "RUNNING"]
    desc = west.describe_replicator(ReplicatorArn=arn)
    aliases = {c["KafkaClusterAlias"]: c["AmazonMskCluster"]["MskClusterArn"]
               for c in desc["KafkaClusters"]}
    rinfo = desc["ReplicationInfoList"][0]
    assert aliases[rinfo["SourceKafkaClusterAlias"]] == source
    assert aliases[rinfo["TargetKafkaClusterAlias"]] == target
    assert rinfo["TopicReplication"]["StartingPosition"] == {"Type": "LATEST"}
    assert rinfo["ConsumerGroupReplication"]["ConsumerGroupsToReplicate"] == [".*"]
    assert desc["Tags"] == {"a": "b"}
    assert west.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"a": "b"}
    assert [r["ReplicatorArn"] for r in west.list_replicators()["Replicators"]] == [arn]
    # a cluster used by a replicator cannot be deleted
    with pytest.raises(ClientError) as err:
        kafka.delete_cluster(ClusterArn=source)
    assert err.value.response["Error"]["Code"] == "BadRequestException"
    assert west.delete_replicator(ReplicatorArn=arn)["ReplicatorState"] == "DELETING"
    west.describe_replicator(ReplicatorArn=arn)
    with pytest.raises(ClientError) as err:
        west.describe_replicator(ReplicatorArn=arn)
    assert err.value.response["Error"]["Code"] == "NotFoundException"


def test_replicator_errors(emulator, account):
    kafka, source = _cluster(emulator, account, "source")
    missing = f"arn:aws:kafka:us-east-1:{account}:cluster/gone/uuid-1"
    subnets = ["subnet-1", "subnet-2"]
    with pytest.raises(ClientError) as err:
        kafka.create_replicator(
            ReplicatorName="r", ServiceExecutionRoleArn="arn:aws:iam::1:role/r",
            KafkaClusters=[{"AmazonMskCluster": {"MskClusterArn": a}, "VpcConfig": {"SubnetIds": subnets}}
                           for a in (source, missing)],
            ReplicationInfoList=[{"SourceKafkaClusterArn": source, "TargetKafkaClusterArn": missing,
                                  "TargetCompressionType": "NONE",
                                  "TopicReplication": {"TopicsToReplicate": [".*"]},
                                  "ConsumerGroupReplication": {"ConsumerGroupsToReplicate": [".*"]}}])
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    with pytest.raises(ClientError) as err:
        kafka.describe_replicator(ReplicatorArn=f"arn:aws:kafka:us-east-1:{account}:replicator/x/y")
    assert err.value.response["Error"]["Code"] == "NotFoundException"
    assert base64  # the blob round trip is covered above
