"""Static EKS data for ``eks.py``: the add-ons DescribeAddonVersions offers and
the EKS access policies (names as AWS lists them with ListAccessPolicies).

Versions are listed newest first; the first is each add-on's default version.
"""

CLUSTER_VERSIONS = ["1.29", "1.30", "1.31", "1.32", "1.33"]

ADDONS: dict[str, dict] = {
    "vpc-cni": {"type": "networking", "namespace": "kube-system", "iam": True,
                "versions": ["v1.19.5-eksbuild.1", "v1.19.2-eksbuild.1", "v1.18.6-eksbuild.1"],
                "clusterVersions": CLUSTER_VERSIONS},
    "coredns": {"type": "networking", "namespace": "kube-system",
                "versions": ["v1.12.1-eksbuild.2", "v1.11.4-eksbuild.2", "v1.11.3-eksbuild.1"],
                "clusterVersions": CLUSTER_VERSIONS},
    "kube-proxy": {"type": "networking", "namespace": "kube-system",
                   "versions": ["v1.33.0-eksbuild.2", "v1.32.3-eksbuild.7",
                                "v1.31.7-eksbuild.7", "v1.30.11-eksbuild.5"],
                   "clusterVersions": CLUSTER_VERSIONS},
    "aws-ebs-csi-driver": {"type": "storage", "namespace": "kube-system", "iam": True,
                           "versions": ["v1.44.0-eksbuild.1", "v1.43.0-eksbuild.1",
                                        "v1.41.0-eksbuild.1"],
                           "clusterVersions": CLUSTER_VERSIONS},
    "eks-pod-identity-agent": {"type": "security", "namespace": "kube-system",
                               "versions": ["v1.3.7-eksbuild.2", "v1.3.5-eksbuild.2",
                                            "v1.3.4-eksbuild.1"],
                               "clusterVersions": CLUSTER_VERSIONS},
}

ACCESS_POLICIES = [
    "AmazonEKSAdminPolicy",
    "AmazonEKSAdminViewPolicy",
    "AmazonEKSClusterAdminPolicy",
    "AmazonEKSEditPolicy",
    "AmazonEKSViewPolicy",
    "AmazonEKSAutoNodePolicy",
    "AmazonEKSBlockStoragePolicy",
    "AmazonEKSComputePolicy",
    "AmazonEKSLoadBalancingPolicy",
    "AmazonEKSNetworkingPolicy",
]
