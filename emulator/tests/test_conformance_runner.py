"""The conformance runner's parsing of terraform output (no terraform needed)."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "conformance_run", Path(__file__).resolve().parent.parent / "conformance" / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)


def test_address_type():
    assert run.address_type("aws_vpc.this") == "aws_vpc"
    assert run.address_type('aws_subnet.private["us-east-1a"]') == "aws_subnet"
    assert run.address_type("module.network.aws_nat_gateway.this[0]") == "aws_nat_gateway"
    assert run.address_type("module.a.module.b.aws_flow_log.this") == "aws_flow_log"
    assert run.address_type("data.aws_region.current") is None
    assert run.address_type("module.x.data.aws_iam_policy_document.p") is None


APPLY_ERRORS = """
╷
│ Error: starting CloudTrail Trail (arn:aws:cloudtrail:us-east-1:1:trail/t) logging: operation error CloudTrail: StartLogging, https response error StatusCode: 500
│
│   with aws_cloudtrail.this,
│   on main.tf line 10, in resource "aws_cloudtrail" "this":
│   10: resource "aws_cloudtrail" "this" {
│
╵
╷
│ Error: creating IAM Access Analyzer Analyzer (a): operation error AccessAnalyzer: CreateAnalyzer, https response error StatusCode: 404
│
│   with module.security.aws_accessanalyzer_analyzer.this,
│   on ../../main.tf line 3, in resource "aws_accessanalyzer_analyzer" "this":
╵
"""


def test_error_types_attributes_errors_to_resource_types():
    found = run.Group.error_types(APPLY_ERRORS)
    assert set(found) == {"aws_cloudtrail", "aws_accessanalyzer_analyzer"}
    assert "StartLogging" in found["aws_cloudtrail"]
    assert found["aws_accessanalyzer_analyzer"].startswith("creating IAM Access Analyzer")


def test_table_marks_failures_and_leftovers():
    results = [{
        "group": "g", "account": "100000000001", "dir": "x",
        "steps": {"apply": {"exit": 1, "seconds": 2.0, "resources_listed": 3},
                  "leftovers": {"count": 1}},
        "leftovers": [{"service": "ec2", "region": "us-east-1", "type": "network_interface",
                       "id": "eni-1"}],
        "resources": [{"resource_type": "aws_vpc", "apply": "ok", "replan": "FAIL",
                       "destroy": "ok", "notes": ["re-plan: a | b"]}],
    }]
    text = run.table(results)
    assert "| aws_vpc | g | ok | FAIL | ok | re-plan: a \\| b |" in text
    assert "apply 2.0s (exit 1) (3 resources listed after it)" in text
    assert "LEFT BEHIND: ec2/network_interface eni-1" in text
