//! Bad input is refused with exit 3 and a clear message before any
//! terraform runs (a fake terraform on PATH would leave a marker).

mod common;

use common::Repo;
use predicates::prelude::*;

struct Case {
    name: &'static str,
    setup: fn(&Repo),
    args: &'static [&'static str],
    message: &'static [&'static str],
}

fn nothing(_: &Repo) {}

const CASES: &[Case] = &[
    Case {
        name: "unknown environment",
        setup: nothing,
        args: &["up", "--env", "qa"],
        message: &["unknown environment `qa`", "dev, prod, staging"],
    },
    Case {
        name: "unknown region",
        setup: nothing,
        args: &["plan", "--region", "us-east-1,eu-west-1"],
        message: &["unknown region `eu-west-1`", "dev.json"],
    },
    Case {
        name: "overlapping CIDRs across files",
        setup: |r| {
            r.edit_env("staging", |v| {
                v["regions"]["us-west-2"]["vpc_cidr"] = "10.10.128.0/20".into()
            })
        },
        args: &["up", "--env", "dev"],
        message: &[
            "staging.json",
            "regions.us-west-2.vpc_cidr",
            "overlaps 10.10.0.0/16",
        ],
    },
    Case {
        name: "production with one NAT gateway",
        setup: |r| r.edit_env("prod", |v| v["network"]["nat_gateways"] = "single".into()),
        args: &["up", "--env", "prod"],
        message: &["prod.json", "network.nat_gateways", "per_az"],
    },
    Case {
        name: "production kms window too short",
        setup: |r| {
            r.edit_env("prod", |v| {
                v["security"]["kms_deletion_window_days"] = 7.into()
            })
        },
        args: &["plan", "--env", "prod"],
        message: &["security.kms_deletion_window_days", "at least 30"],
    },
    Case {
        name: "production below a floor of rules/production.toml",
        setup: |r| {
            let rules = r.root().join("infrastructure/environments/rules");
            std::fs::create_dir_all(&rules).unwrap();
            std::fs::write(
                rules.join("production.toml"),
                "[[minimum]]\nfield = \"postgres.multi_az\"\nequals = true\nwhy = \"a standby in another AZ\"\n",
            )
            .unwrap();
            r.edit_env("prod", |v| {
                v["postgres"] = serde_json::json!({ "multi_az": false })
            })
        },
        args: &["up", "--env", "prod"],
        message: &[
            "prod.json",
            "postgres.multi_az",
            "needs true",
            "a standby in another AZ",
        ],
    },
    Case {
        name: "account id not 12 digits",
        setup: |r| r.edit_env("dev", |v| v["account_id"] = "1234".into()),
        args: &["validate"],
        message: &["dev.json", "account_id", "12-digit"],
    },
    Case {
        name: "vpc too large",
        setup: |r| {
            r.edit_env("dev", |v| {
                v["regions"]["us-east-1"]["vpc_cidr"] = "10.0.0.0/8".into()
            })
        },
        args: &["up"],
        message: &["regions.us-east-1.vpc_cidr", "/8"],
    },
    Case {
        name: "unknown field in a known section",
        setup: |r| r.edit_env("dev", |v| v["network"]["nat_gateway"] = "single".into()),
        args: &["up"],
        message: &["dev.json", "unknown field `nat_gateway`"],
    },
    Case {
        name: "prod destroy without --confirm",
        setup: nothing,
        args: &["destroy", "--env", "prod"],
        message: &["--confirm prod"],
    },
    Case {
        name: "destroy with the wrong confirmation",
        setup: nothing,
        args: &["destroy", "--env", "staging", "--confirm", "prod"],
        message: &["does not match"],
    },
    Case {
        name: "production state buckets are never destroyed",
        setup: nothing,
        args: &[
            "destroy",
            "--env",
            "prod",
            "--confirm",
            "prod",
            "--include-bootstrap",
        ],
        message: &["production environment", "without `--include-bootstrap`"],
    },
];

#[test]
fn bad_input_exits_three_with_a_message_and_runs_no_terraform() {
    for case in CASES {
        let repo = Repo::new();
        (case.setup)(&repo);
        let mut assert = repo.infra().args(case.args).assert().code(3);
        for m in case.message {
            assert = assert.stderr(predicate::str::contains(*m));
        }
        let _ = assert;
        assert!(!repo.terraform_ran(), "{}: terraform ran", case.name);
        assert!(
            !repo.home().join("emulator/state.json").exists(),
            "{}: emulator started",
            case.name
        );
    }
}

#[test]
fn the_fake_terraform_does_leave_a_marker() {
    // Control for the test above: valid input reaches terraform, whose
    // failure names the stack, skips its dependents and exits 1.
    let repo = Repo::new();
    let out = repo
        .infra()
        .env("INFRA_LOCAL_ENDPOINT", "http://127.0.0.1:9")
        .args(["plan", "--region", "us-east-1"])
        .output()
        .unwrap();
    assert!(repo.terraform_ran());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("dev-us-east-1-bootstrap  failed"),
        "{stdout}"
    );
    assert!(stdout.contains("fake terraform refuses to run"), "{stdout}");
    assert!(
        stdout.contains("dev-global-global        skipped"),
        "{stdout}"
    );
}

#[test]
fn json_mode_reports_the_error_as_json() {
    let repo = Repo::new();
    let out = repo
        .infra()
        .args(["--json", "up", "--env", "qa"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exit_code"], 3);
    assert!(v["error"].as_str().unwrap().contains("unknown environment"));
}

#[test]
fn plan_without_emulator_says_how_to_start_one() {
    let repo = Repo::new();
    repo.infra()
        .args(["plan"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("infra emulator start"));
    assert!(!repo.terraform_ran());
}
