//! `infra doctor`.

mod common;

use predicates::prelude::*;

#[test]
fn empty_provider_mirror_fails_with_a_fix() {
    let repo = common::Repo::new();
    let empty = tempfile::tempdir().unwrap();
    repo.infra()
        .env("INFRA_PROVIDER_MIRROR", empty.path())
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL  provider mirror"))
        .stdout(predicate::str::contains("cannot be downloaded"))
        .stdout(predicate::str::contains("INFRA_PROVIDER_MIRROR"));
}

#[test]
fn missing_cli_config_is_a_warning_with_the_export_line() {
    let repo = common::Repo::new();
    repo.fake_emulator(true);
    let out = repo
        .infra()
        .env("TF_CLI_CONFIG_FILE", "/nonexistent/.terraformrc")
        .args(["--json", "doctor"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    let cfg = checks
        .iter()
        .find(|c| c["name"] == "TF_CLI_CONFIG_FILE")
        .unwrap();
    assert_eq!(cfg["status"], "warn");
    assert!(cfg["fix"]
        .as_str()
        .unwrap()
        .contains("export TF_CLI_CONFIG_FILE="));
    let tf = checks.iter().find(|c| c["name"] == "terraform").unwrap();
    // The fake terraform on PATH prints no version: doctor must notice.
    assert_eq!(tf["status"], "fail");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn missing_emulator_package_fails() {
    let repo = common::Repo::new();
    repo.infra()
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL  emulator package"));
}

#[test]
fn aws_target_tools_warn_locally_and_fail_for_aws() {
    let repo = common::Repo::new();
    repo.fake_emulator(true);
    let status = |target: &str| {
        let out = repo
            .infra()
            .env("INFRA_KUBECTL", "/nonexistent/kubectl")
            .args(["--json", "--target", target, "doctor"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let kubectl = v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "kubectl")
            .cloned()
            .unwrap();
        assert!(kubectl["fix"].as_str().unwrap().contains("INFRA_KUBECTL"));
        kubectl["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status("local"), "warn");
    assert_eq!(status("aws"), "fail");
}
