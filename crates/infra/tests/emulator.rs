//! `infra emulator start|status|stop` against a stand-in emulator package.

mod common;

use predicates::prelude::*;

#[test]
fn start_status_stop() {
    let repo = common::Repo::new();
    repo.fake_emulator(true);
    repo.infra()
        .args(["emulator", "status"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not running"));
    repo.infra()
        .args(["emulator", "start"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "emulator started: http://127.0.0.1:",
        ));
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo.home().join("emulator/state.json")).unwrap(),
    )
    .unwrap();
    let pid = state["pid"].as_i64().unwrap();
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    // A second start reuses the running one.
    repo.infra()
        .args(["emulator", "start"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("already running"));
    let out = repo
        .infra()
        .args(["--json", "emulator", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["healthy"], true);
    assert_eq!(v["endpoint"], state["endpoint"]);
    repo.infra()
        .args(["emulator", "stop"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("stopped"));
    assert!(!repo.home().join("emulator/state.json").exists());
    std::thread::sleep(std::time::Duration::from_millis(300));
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(
        stat.is_empty() || stat.contains(") Z "),
        "emulator still running: {stat}"
    );
    repo.infra().args(["emulator", "status"]).assert().code(1);
}

#[test]
fn start_failure_shows_the_log_tail() {
    let repo = common::Repo::new();
    repo.fake_emulator(false);
    repo.infra()
        .args(["emulator", "start"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("port in use"));
}

#[test]
fn start_without_package_fails() {
    let repo = common::Repo::new();
    repo.infra()
        .args(["emulator", "start"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("emulator package is missing"));
}
