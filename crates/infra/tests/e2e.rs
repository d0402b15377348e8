//! End to end against the real emulator and the real stacks: up, plan (no
//! changes), destroy, and the account is as empty as before. Slow: run with
//! `cargo test --workspace -- --include-ignored`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use infra_core::emulator::http_get;
use serde_json::Value;

// The environments' round trips run side by side (each on its own emulator
// and INFRA_HOME): most of their time is the provider's fixed waits
// (OpenSearch: 10 minutes after create and after delete), not CPU. Run them
// with `--test-threads 4` (scripts/test-all does).

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

struct Emulator {
    home: tempfile::TempDir,
    endpoint: String,
}

impl Emulator {
    fn start() -> Self {
        let home = tempfile::tempdir().unwrap();
        let out = infra(home.path())
            .args(["emulator", "start"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "emulator start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let state: Value = serde_json::from_str(
            &std::fs::read_to_string(home.path().join("emulator/state.json")).unwrap(),
        )
        .unwrap();
        let endpoint = state["endpoint"].as_str().unwrap().to_string();
        Emulator { home, endpoint }
    }

    fn resources(&self, account: &str) -> Vec<Value> {
        let (code, body) = http_get(
            &self.endpoint,
            &format!("/infra-emulator/resources?account={account}"),
            Duration::from_secs(30),
        )
        .unwrap();
        assert_eq!(code, 200, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        v["resources"].as_array().cloned().unwrap_or_default()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = infra(self.home.path()).args(["emulator", "stop"]).output();
    }
}

fn infra(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("infra").unwrap();
    cmd.env("INFRA_ROOT", ROOT)
        .env("INFRA_HOME", home)
        .env("INFRA_NO_PROGRESS", "1")
        .env_remove("INFRA_LOCAL_ENDPOINT")
        .env_remove("INFRA_PROVIDER_MIRROR")
        .timeout(Duration::from_secs(3000));
    cmd
}

fn run(home: &Path, args: &[&str], expect: i32) -> String {
    let out = infra(home).args(args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(expect),
        "infra {}\nstderr:\n{}\nstack logs with errors:\n{}\nstdout:\n{stdout}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr),
        failed_stack_logs(home)
    );
    stdout
}

/// The end of every stack log that holds an error, so that a failure in CI,
/// where only the end of the output is shown, names its cause.
fn failed_stack_logs(home: &Path) -> String {
    let mut out = String::new();
    let Ok(entries) = std::fs::read_dir(home.join("local/logs")) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if !text.contains("Error") {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(25)..];
        out.push_str(&format!("--- {}\n{}\n", path.display(), tail.join("\n")));
    }
    out
}

fn stacks_present() {
    for layer in ["bootstrap", "global", "security", "audit", "network"] {
        let dir = PathBuf::from(ROOT)
            .join("infrastructure/stacks")
            .join(layer);
        assert!(
            dir.join("main.tf").is_file() || dir.is_dir(),
            "stack `{}` is missing",
            dir.display()
        );
    }
}

fn account(env: &str) -> String {
    let path = PathBuf::from(ROOT).join(format!("infrastructure/environments/{env}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["account_id"].as_str().unwrap().to_string()
}

/// Ids of the resources the bootstrap stacks own, from their outputs:
/// state bucket names, state key ARNs and ids, and the key aliases.
fn bootstrap_resources(home: &Path, env: &str) -> Vec<String> {
    let out = run(
        home,
        &["output", "--env", env, "--stack", "bootstrap", "--json"],
        0,
    );
    let v: Value = serde_json::from_str(&out).expect("output --json is JSON");
    let mut ids = vec![];
    collect_ids(&v, &mut ids);
    ids.sort();
    ids.dedup();
    ids
}

fn collect_ids(v: &Value, ids: &mut Vec<String>) {
    match v {
        Value::String(s) if s.contains("tfstate") || s.starts_with("arn:aws:kms:") => {
            ids.push(s.clone());
            if let Some(key_id) = s
                .strip_prefix("arn:aws:kms:")
                .and_then(|r| r.split("key/").nth(1))
            {
                ids.push(key_id.to_string());
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_ids(x, ids)),
        Value::Object(o) => o.values().for_each(|x| collect_ids(x, ids)),
        _ => {}
    }
}

fn round_trip(env: &str) {
    stacks_present();
    let emulator = Emulator::start();
    let home = emulator.home.path();
    let account = account(env);
    let before = emulator.resources(&account);

    let up = run(home, &["up", "--env", env], 0);
    assert!(up.contains("applied"), "{up}");
    assert!(
        !emulator.resources(&account).is_empty(),
        "up created nothing"
    );

    run(home, &["plan", "--env", env], 0);
    gitops_bootstrap(home, env);
    if env == "prod" {
        plan_gate(home);
    }

    // Production keeps its state buckets (and their keys): `--include-bootstrap`
    // is refused there, so the only resources allowed to remain are the
    // bootstrap stacks' own, named by their outputs.
    let kept = if env == "prod" {
        bootstrap_resources(home, env)
    } else {
        vec![]
    };
    let destroy: Vec<&str> = if env == "prod" {
        vec!["destroy", "--env", env, "--confirm", "prod"]
    } else {
        vec!["destroy", "--env", env, "--include-bootstrap"]
    };
    let mut kept = kept;
    if env == "prod" {
        // PostgreSQL keeps deletion protection in prod: the destroy stops
        // there (everything that does not need it is gone), until an operator
        // turns protection off out of band (docs/runbooks/decommission.md).
        let out = infra(home).args(&destroy).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "a prod destroy must stop at the protected databases\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            failed_stack_logs(home).contains("protection"),
            "the postgres stack names deletion protection:\n{}",
            failed_stack_logs(home)
        );
        let lifted = lift_deletion_protection(&emulator.endpoint, &account);
        assert!(
            lifted.iter().any(|id| id == "ecom-prod-us-east-1-postgres"),
            "the prod primary was protected: {lifted:?}"
        );
        // The final snapshot of the primary is kept: data is never lost by
        // a destroy.
        kept.push("ecom-prod-us-east-1-postgres-final".to_string());
    }
    run(home, &destroy, 0);
    if env == "prod" {
        let snapshots = db_snapshots(&emulator.endpoint, &account);
        assert!(
            snapshots
                .iter()
                .any(|s| s == "ecom-prod-us-east-1-postgres-final"),
            "the prod primary left its final snapshot: {snapshots:?}"
        );
    }

    let after: Vec<Value> = emulator
        .resources(&account)
        .into_iter()
        .filter(|r| !kept.iter().any(|k| r["id"].as_str() == Some(k.as_str())))
        .collect();
    if env == "prod" {
        assert!(
            kept.len() >= 4,
            "expected the state bucket and key of both regions: {kept:?}"
        );
    }
    assert_eq!(after, before, "resources left behind in account {account}");
}

/// boto3 against the emulator as the account (`python3 -c`): what an operator
/// does with the AWS CLI in the runbook.
fn boto3(endpoint: &str, account: &str, script: &str) -> Vec<String> {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ACCESS_KEY_ID", account)
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "boto3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Turns deletion protection off on every DB instance of the account, in both
/// regions; returns the identifiers it changed.
fn lift_deletion_protection(endpoint: &str, account: &str) -> Vec<String> {
    boto3(
        endpoint,
        account,
        r#"
import boto3
for region in ("us-east-1", "us-west-2"):
    rds = boto3.client("rds", region_name=region)
    for db in rds.describe_db_instances()["DBInstances"]:
        if db.get("DeletionProtection"):
            rds.modify_db_instance(DBInstanceIdentifier=db["DBInstanceIdentifier"],
                                   DeletionProtection=False, ApplyImmediately=True)
            print(db["DBInstanceIdentifier"])
"#,
    )
}

fn db_snapshots(endpoint: &str, account: &str) -> Vec<String> {
    boto3(
        endpoint,
        account,
        r#"
import boto3
for region in ("us-east-1", "us-west-2"):
    for s in boto3.client("rds", region_name=region).describe_db_snapshots()["DBSnapshots"]:
        print(s["DBSnapshotIdentifier"])
"#,
    )
}

/// The plan gate over the deployed prod's plans: `infra check` (Rego
/// policies, SARIF), `infra cost` (every resource priced) and checkov over the
/// same saved plans (scripts/lib/checkov-plans; CHECKOV names the binary).
fn plan_gate(home: &Path) {
    let plans = home.join("prod-plans");
    let sarif = home.join("gate.sarif");
    let out = run(
        home,
        &[
            "check",
            "--env",
            "prod",
            "--save-plans",
            plans.to_str().unwrap(),
            "--sarif",
            sarif.to_str().unwrap(),
        ],
        0,
    );
    assert!(out.contains("passed:"), "{out}");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(s["version"], "2.1.0");

    let out = run(
        home,
        &["cost", "--plan-dir", plans.to_str().unwrap(), "--json"],
        0,
    );
    let j: Value = serde_json::from_str(&out).unwrap();
    assert!(j["totals"]["monthly"].as_f64().unwrap() > 0.0, "{out}");
    assert_eq!(
        j["totals"]["unpriced"], 0,
        "every prod resource is priced: {out}"
    );

    let checkov = std::process::Command::new(format!("{ROOT}/scripts/lib/checkov-plans"))
        .arg(&plans)
        .arg(home.join("checkov"))
        .output()
        .unwrap();
    assert!(
        checkov.status.success(),
        "checkov found failures over the prod plans:\n{}\n{}",
        String::from_utf8_lossy(&checkov.stdout),
        String::from_utf8_lossy(&checkov.stderr)
    );
}

#[test]
#[ignore = "needs the emulator; run with --include-ignored"]
fn dev_up_plan_destroy() {
    round_trip("dev");
}

#[test]
#[ignore = "needs the emulator; run with --include-ignored"]
fn staging_up_plan_destroy() {
    round_trip("staging");
}

#[test]
#[ignore = "needs the emulator; run with --include-ignored"]
fn prod_up_plan_destroy() {
    round_trip("prod");
}

/// `--target aws` asks STS who the caller is and refuses another account
/// before any stack runs. The emulator stands in for AWS here: its STS answers
/// the account of the access key id.
#[test]
#[ignore = "needs the emulator; run with --include-ignored"]
fn target_aws_refuses_another_account() {
    let emulator = Emulator::start();
    let home = emulator.home.path();
    let aws = |key: &str| {
        let mut cmd = infra(home);
        cmd.env("AWS_ENDPOINT_URL", &emulator.endpoint)
            .env("AWS_ACCESS_KEY_ID", key)
            .env("AWS_SECRET_ACCESS_KEY", "local")
            .env("AWS_MAX_ATTEMPTS", "3")
            .env("PATH", path_without_aws_cli());
        cmd
    };
    let out = aws("999999999999")
        .args(["--target", "aws", "plan", "--env", "dev"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "stderr:\n{stderr}");
    assert!(
        stderr.contains("account `999999999999`") && stderr.contains("111111111111"),
        "{stderr}"
    );
    assert!(
        !home.join("aws/logs").exists(),
        "no stack may run for the wrong account"
    );

    // The right account passes the guard and reaches the stacks (which are
    // not deployed: plan reports pending changes, exit 2).
    let out = aws("111111111111")
        .args([
            "--target",
            "aws",
            "plan",
            "--env",
            "dev",
            "--region",
            "us-east-1",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// PATH without an `aws` CLI, so the shipped terraform root does the lookup.
fn path_without_aws_cli() -> String {
    std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !Path::new(d).join("aws").exists())
        .collect::<Vec<_>>()
        .join(":")
}

/// `infra gitops bootstrap` over the environment just deployed, with a
/// stand-in kubectl (the emulator has no Kubernetes API) that records its
/// arguments and stdin: every step per region in order, each with the
/// region's kubeconfig, and the documents built from the real eks outputs.
/// Then a kubectl that fails the Argo CD install: exit 1, naming the step.
fn gitops_bootstrap(home: &Path, env: &str) {
    let out = run(
        home,
        &["output", "--env", env, "--stack", "eks", "--json"],
        0,
    );
    let outputs: Value = serde_json::from_str(&out).expect("output --json is JSON");
    let stacks = outputs["stacks"].as_array().unwrap().clone();
    assert!(!stacks.is_empty(), "no eks stack in {out}");
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("kubectl.log");
    let kubectl = dir.path().join("kubectl");
    let script = format!(
        r#"#!/bin/sh
printf 'argv:' >> '{log}'
for a in "$@"; do printf ' %s' "$a" >> '{log}'; done
printf '\n' >> '{log}'
cat >> '{log}'
case " $* " in
  *" --server-side "*) if [ -n "$FAIL_ARGOCD" ]; then echo 'error: no route to raw.githubusercontent.com' >&2; exit 1; fi ;;
  *" rollout status "*) echo 'successfully rolled out' ;;
esac
"#,
        log = log.display()
    );
    std::fs::write(&kubectl, script).unwrap();
    std::fs::set_permissions(
        &kubectl,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let bootstrap = |fail: bool| {
        let mut cmd = infra(home);
        cmd.env("INFRA_KUBECTL", &kubectl)
            .args(["gitops", "bootstrap", "--env", env]);
        if fail {
            cmd.env("FAIL_ARGOCD", "1");
        } else {
            cmd.env_remove("FAIL_ARGOCD");
        }
        cmd.output().unwrap()
    };
    let ran = bootstrap(false);
    assert_eq!(
        ran.status.code(),
        Some(0),
        "gitops bootstrap\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&ran.stdout),
        String::from_utf8_lossy(&ran.stderr)
    );

    // (argv, stdin) of each call.
    let text = std::fs::read_to_string(&log).unwrap();
    let mut calls: Vec<(Vec<String>, String)> = vec![];
    for line in text.lines() {
        match (line.strip_prefix("argv:"), calls.last_mut()) {
            (Some(a), _) => calls.push((
                a.split_whitespace().map(String::from).collect(),
                String::new(),
            )),
            (None, Some(last)) => last.1.push_str(&format!("{line}\n")),
            (None, None) => panic!("stdin before any call: {line}"),
        }
    }
    assert_eq!(calls.len(), 9 * stacks.len(), "{text}");
    let manifest = if env == "prod" {
        "manifests/ha/install.yaml"
    } else {
        "v3.1.5/manifests/install.yaml"
    };
    let apps = std::fs::canonicalize(format!("{ROOT}/gitops/clusters/{env}")).unwrap();
    for (stack, calls) in stacks.iter().zip(calls.chunks(9)) {
        let region = stack["region"].as_str().unwrap();
        let o = &stack["outputs"];
        let kubeconfig = home.join(format!("local/kube/{env}-{region}.yaml"));
        for (args, _) in calls {
            assert_eq!(
                args[..2],
                ["--kubeconfig".to_string(), kubeconfig.display().to_string()],
                "{args:?}"
            );
        }
        let doc = |i: usize| -> Value {
            serde_json::from_str(&calls[i].1)
                .unwrap_or_else(|e| panic!("call {i} in {region}: stdin is not JSON ({e})"))
        };
        assert_eq!(calls[0].0[2..], ["apply", "-f", "-"]);
        assert_eq!(doc(0)["kind"], "Namespace");
        assert_eq!(doc(0)["metadata"]["name"], "argocd");
        assert!(
            calls[1].0.contains(&"--server-side".to_string())
                && calls[1].0.last().unwrap().ends_with(manifest),
            "{:?}",
            calls[1].0
        );
        assert!(calls[3..7]
            .iter()
            .all(|(a, _)| a.windows(2).any(|w| w == ["rollout", "status"])));
        assert!(calls[3].0.contains(&"deployment/argocd-server".to_string()));
        let secret = doc(7);
        let meta = &secret["metadata"];
        assert_eq!(secret["kind"], "Secret");
        assert_eq!(meta["labels"]["argocd.argoproj.io/secret-type"], "cluster");
        assert_eq!(meta["labels"]["ecom.io/environment"], env);
        assert_eq!(meta["labels"]["ecom.io/region"], region);
        assert_eq!(meta["labels"]["ecom.io/cluster"], o["cluster_name"]);
        assert_eq!(
            meta["annotations"]["ecom.io/aws-cluster-arn"],
            o["cluster_arn"]
        );
        assert_eq!(meta["annotations"], o["gitops_bridge"]["annotations"]);
        assert_eq!(secret["stringData"]["name"], o["cluster_name"]);
        assert_eq!(calls[8].0[2..4], ["apply", "-k"]);
        assert_eq!(std::fs::canonicalize(&calls[8].0[4]).unwrap(), apps);

        let kc: Value =
            serde_json::from_str(&std::fs::read_to_string(&kubeconfig).unwrap()).unwrap();
        assert_eq!(
            kc["clusters"][0]["cluster"]["server"],
            o["cluster_endpoint"]
        );
        let exec = kc["users"][0]["user"]["exec"]["args"].to_string();
        assert!(
            exec.contains(o["access_role_arns"]["admin"].as_str().unwrap()),
            "the admin role: {exec}"
        );
    }

    let failed = bootstrap(true);
    let stdout = String::from_utf8_lossy(&failed.stdout);
    assert_eq!(failed.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("argocd-install"), "{stdout}");
}
