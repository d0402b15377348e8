"""Add-on ordering, from Terraform's own dependency graph (`terraform graph`).

A `terraform test` run cannot observe the order in which resources are
created, so this reads the module's graph: every add-on waits for the node
groups (CoreDNS and the EBS CSI controller need nodes; on AWS an add-on
created before them waits about 20 minutes and fails) and for the Pod Identity
associations (the EBS CSI controller starts with its credentials), and the
node groups wait for their launch templates and node role policies.

Run: `python3 -m pytest infrastructure/modules/eks/tests` (needs terraform and
the provider mirror, like `scripts/lib/terraform-checks`).
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[1]
REPO = MODULE.parents[2]
TERRAFORM = shutil.which("terraform")


@pytest.fixture(scope="module")
def edges() -> set[tuple[str, str]]:
    if TERRAFORM is None:
        pytest.skip("terraform is needed")
    with tempfile.TemporaryDirectory() as work:
        # A copy, so that `terraform init` writes nothing into the repository.
        root = Path(work) / "eks"
        root.mkdir()
        for tf in MODULE.glob("*.tf"):
            shutil.copy(tf, root)
        env = dict(os.environ, TF_DATA_DIR=str(Path(work) / "data"), CHECKPOINT_DISABLE="1",
                   TF_CLI_CONFIG_FILE=str(REPO / "infrastructure" / "terraform.rc"))
        subprocess.run([TERRAFORM, f"-chdir={root}", "init", "-backend=false", "-input=false"],
                       env=env, check=True, capture_output=True)
        out = subprocess.run([TERRAFORM, f"-chdir={root}", "graph"], env=env, check=True,
                             capture_output=True, text=True).stdout
    found = set(re.findall(r'"([^"\s]+)"\s*->\s*"([^"\s]+)"', out))
    assert found, "terraform graph returned no edges"
    return found


def test_addons_wait_for_node_groups(edges: set[tuple[str, str]]) -> None:
    assert ("aws_eks_addon.this", "aws_eks_node_group.this") in edges


def test_addons_wait_for_pod_identity(edges: set[tuple[str, str]]) -> None:
    assert ("aws_eks_addon.this", "aws_eks_pod_identity_association.this") in edges


def test_node_groups_wait_for_their_prerequisites(edges: set[tuple[str, str]]) -> None:
    assert ("aws_eks_node_group.this", "aws_launch_template.node") in edges
    assert ("aws_eks_node_group.this", "aws_iam_role_policy_attachment.node") in edges
    assert ("aws_eks_node_group.this", "aws_eks_cluster.this") in edges


def test_cluster_waits_for_its_log_group_and_role(edges: set[tuple[str, str]]) -> None:
    assert ("aws_eks_cluster.this", "aws_cloudwatch_log_group.cluster") in edges
    assert ("aws_eks_cluster.this", "aws_iam_role_policy_attachment.cluster") in edges


def test_an_edge_that_does_not_exist_is_not_found(edges: set[tuple[str, str]]) -> None:
    """The parser reads direction: the node groups do not wait for the add-ons."""
    assert ("aws_eks_node_group.this", "aws_eks_addon.this") not in edges
