import pytest
from botocore.exceptions import ClientError


def _cluster_arn(emulator, account):
    ec2 = emulator.client("ec2", account)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24")["Subnet"]["SubnetId"]
               for i in range(3)]
    kafka = emulator.client("kafka", account)
    return kafka.create_cluster(ClusterName="c", KafkaVersion="3.6.0", NumberOfBrokerNodes=3,
                                BrokerNodeGroupInfo={"InstanceType": "kafka.m7g.large",
                                                     "ClientSubnets": subnets})["ClusterArn"]


def test_target_tags(emulator, account):
    aas = emulator.client("application-autoscaling", account)
    arn = _cluster_arn(emulator, account)
    target = aas.register_scalable_target(
        ServiceNamespace="kafka", ResourceId=arn, ScalableDimension="kafka:broker-storage:VolumeSize",
        MinCapacity=1, MaxCapacity=1000, Tags={"team": "platform"})["ScalableTargetARN"]
    assert aas.list_tags_for_resource(ResourceARN=target)["Tags"] == {"team": "platform"}
    aas.tag_resource(ResourceARN=target, Tags={"env": "dev"})
    aas.untag_resource(ResourceARN=target, TagKeys=["team"])
    assert aas.list_tags_for_resource(ResourceARN=target)["Tags"] == {"env": "dev"}
    with pytest.raises(ClientError) as err:
        aas.tag_resource(ResourceARN=target, Tags={"aws:reserved": "x"})
    assert err.value.response["Error"]["Code"] == "ValidationException"
    aas.deregister_scalable_target(ServiceNamespace="kafka", ResourceId=arn,
                                   ScalableDimension="kafka:broker-storage:VolumeSize")
    with pytest.raises(ClientError) as err:
        aas.list_tags_for_resource(ResourceARN=target)
    assert err.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_unknown_kafka_cluster(emulator, account):
    aas = emulator.client("application-autoscaling", account)
    with pytest.raises(ClientError) as err:
        aas.register_scalable_target(
            ServiceNamespace="kafka",
            ResourceId=f"arn:aws:kafka:us-east-1:{account}:cluster/none/uuid-1",
            ScalableDimension="kafka:broker-storage:VolumeSize", MinCapacity=1, MaxCapacity=10)
    assert err.value.response["Error"]["Code"] == "ValidationException"
