//! Help, version and exit codes of the real binary.

mod common;

use predicates::prelude::*;

#[test]
fn help_documents_exit_codes_and_exits_zero() {
    let repo = common::Repo::new();
    repo.infra()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit codes"))
        .stdout(predicate::str::contains("130"))
        .stdout(predicate::str::contains("changes pending"));
    repo.infra().args(["up", "--help"]).assert().code(0);
}

#[test]
fn version_exits_zero() {
    common::Repo::new()
        .infra()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("infra "));
}

#[test]
fn usage_errors_exit_three() {
    let repo = common::Repo::new();
    for args in [
        vec![],
        vec!["launch"],
        vec!["up", "--bogus"],
        vec!["--target", "mars", "up"],
        vec!["graph", "--format", "png"],
        vec!["--parallelism", "many", "up"],
    ] {
        repo.infra().args(&args).assert().code(3);
    }
    assert!(!repo.terraform_ran());
}

#[test]
fn parallelism_zero_is_invalid() {
    let repo = common::Repo::new();
    repo.infra()
        .args(["--parallelism", "0", "up"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("--parallelism"));
    assert!(!repo.terraform_ran());
}

#[test]
fn root_not_found_is_invalid_input() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("infra")
        .unwrap()
        .env_remove("INFRA_ROOT")
        .current_dir(dir.path())
        .arg("graph")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("INFRA_ROOT"));
}

#[test]
fn repository_data_validates() {
    // The real repository (not the fixture): its environment files follow every rule.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    assert_cmd::Command::cargo_bin("infra")
        .unwrap()
        .env("INFRA_ROOT", root)
        .arg("validate")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ok"));
}
