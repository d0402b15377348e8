//! `infra graph` in all three formats, snapshotted.

mod common;

fn graph(args: &[&str]) -> String {
    let repo = common::Repo::new();
    let out = repo.infra().arg("graph").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!repo.terraform_ran());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn text() {
    insta::assert_snapshot!(graph(&["--env", "dev"]));
}

#[test]
fn dot() {
    insta::assert_snapshot!(graph(&["--env", "prod", "--format", "dot"]));
}

#[test]
fn mermaid() {
    insta::assert_snapshot!(graph(&["--env", "staging", "--format", "mermaid"]));
}

#[test]
fn one_region_keeps_needed_upstreams_read_only() {
    insta::assert_snapshot!(graph(&["--region", "us-west-2"]));
}

#[test]
fn json_lists_instances_and_edges() {
    let out = graph(&["--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let instances = v["instances"].as_array().unwrap();
    assert_eq!(instances.len(), 7);
    let net = instances
        .iter()
        .find(|i| i["id"] == "dev-us-west-2-network")
        .unwrap();
    assert_eq!(
        net["inputs"]["logs_kms_key_arn"]["stack"],
        "dev-us-west-2-security"
    );
}
