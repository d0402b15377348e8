//! Ctrl-C: infra forwards one SIGINT to the running terraform processes,
//! waits for them (terraform then releases its state lock), marks the rest
//! interrupted and exits 130.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{write_exec, Repo};

#[test]
fn sigint_is_forwarded_once_and_infra_exits_130() {
    let repo = Repo::new();
    let log = repo.root().join("terraform-signals");
    // A terraform that inits at once and, on apply, runs until it is
    // interrupted, like a long apply; it records every signal it gets.
    write_exec(
        &repo.root().join("bin/terraform"),
        &format!(
            r#"#!/bin/sh
log='{log}'
for a in "$@"; do case "$a" in init) exit 0;; esac; done
trap 'echo INT >> "$log"; exit 1' INT
trap 'echo TERM >> "$log"; exit 1' TERM
echo started >> "$log"
i=0
while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
echo timeout >> "$log"
exit 1
"#,
            log = log.display()
        ),
    );
    let bin = assert_cmd::cargo::cargo_bin("infra");
    let path = format!(
        "{}:{}",
        repo.root().join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = std::process::Command::new(bin)
        .env("INFRA_ROOT", repo.root())
        .env("INFRA_HOME", repo.home())
        .env("INFRA_LOCAL_ENDPOINT", "http://127.0.0.1:9")
        .env("PATH", path)
        .env_remove("INFRA_TERRAFORM")
        .args(["up", "--region", "us-east-1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // Wait until the fake apply runs, then interrupt infra alone (not its
    // process group): infra must forward the signal itself.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("started")
    {
        assert!(Instant::now() < deadline, "terraform apply never started");
        std::thread::sleep(Duration::from_millis(100));
    }
    let rc = unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert_eq!(rc, 0);

    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "infra did not stop after SIGINT");
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(status.code(), Some(130), "stdout:\n{stdout}");
    let signals = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        signals.lines().filter(|l| *l == "INT").count(),
        1,
        "terraform must get exactly one SIGINT: {signals}"
    );
    assert!(!signals.contains("timeout"), "{signals}");
    assert!(stdout.contains("interrupted"), "{stdout}");
}
