//! `infra check` and `infra cost` over saved plan documents (no terraform, no
//! emulator): tests/fixtures/plans/{good,bad,one-nat}, the repository's
//! policies (policy/) and price table (pricing/prices.json).

mod common;

use std::path::PathBuf;

use serde_json::Value;

fn repo_path(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(p)
        .display()
        .to_string()
}

fn plans(name: &str) -> String {
    format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"))
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn infra(repo: &common::Repo, args: &[&str]) -> Out {
    let out = repo.infra().args(args).output().unwrap();
    assert!(
        !repo.terraform_ran(),
        "terraform must not run with --plan-dir"
    );
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

fn check(repo: &common::Repo, dir: &str, extra: &[&str]) -> Out {
    let policy = repo_path("policy");
    let mut args = vec!["check", "--plan-dir", dir, "--policy-dir", &policy];
    args.extend_from_slice(extra);
    infra(repo, &args)
}

fn cost(repo: &common::Repo, extra: &[&str]) -> Out {
    let prices = repo_path("pricing/prices.json");
    let mut args = vec!["cost", "--prices", &prices];
    args.extend_from_slice(extra);
    infra(repo, &args)
}

#[test]
fn compliant_plans_pass_the_gate() {
    let repo = common::Repo::new();
    let o = check(&repo, &plans("good"), &[]);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    assert!(
        o.stdout
            .contains("prod-us-east-1-data  pass  (7 resources, 0 violations, 0 allowed)"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("passed: 2 stacks, 0 violations"),
        "{}",
        o.stdout
    );
}

#[test]
fn violations_fail_with_a_table_json_and_sarif() {
    let repo = common::Repo::new();
    let bad = plans("bad");
    let o = check(&repo, &bad, &[]);
    assert_eq!(o.code, 1, "{}\n{}", o.stdout, o.stderr);
    for id in [
        "ENC_RDS",
        "PUB_DB",
        "RES_MULTI_AZ",
        "TAG_REQUIRED",
        "IAM_ADMIN_POLICY",
    ] {
        assert!(
            o.stdout.contains(&format!("DENY   {id}")),
            "{id} missing:\n{}",
            o.stdout
        );
    }
    assert!(
        o.stdout.contains("FAILED: 1 stacks, 5 violations"),
        "{}",
        o.stdout
    );

    let sarif = repo.root().join("gate.sarif");
    let o = check(&repo, &bad, &["--json", "--sarif", sarif.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    let j: Value = serde_json::from_str(&o.stdout).expect("one JSON document");
    assert_eq!(j["passed"], false);
    assert_eq!(j["report"]["violations"], 5);
    assert_eq!(j["report"]["stacks"][0]["stack"], "prod-us-east-1-data");
    let s: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().len() >= 40);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    let r = results.iter().find(|r| r["ruleId"] == "PUB_DB").unwrap();
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "infrastructure/stacks/data/main.tf"
    );
    assert_eq!(
        run["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "PUB_DB"
    );
}

#[test]
fn exceptions_are_explicit_and_reported_never_silent() {
    let repo = common::Repo::new();
    let allow = repo.root().join("exceptions.toml");
    std::fs::write(
        &allow,
        r#"
[[exception]]
id = "IAM_ADMIN_POLICY"
resource = "aws_iam_role_policy_attachment.admin"
stack = "prod-*"
reason = "Break-glass role for the incident runbook, reviewed quarterly"
owner = "security-team"
expires = "2099-01-01"

[[exception]]
id = "PUB_S3"
resource = "module.nothing.*"
reason = "An entry that matches nothing must be reported as unused"
owner = "platform-team"
"#,
    )
    .unwrap();
    let o = check(
        &repo,
        &plans("bad"),
        &["--exceptions", allow.to_str().unwrap()],
    );
    assert_eq!(o.code, 1, "the other violations still fail:\n{}", o.stdout);
    assert!(o.stdout.contains("ALLOW  IAM_ADMIN_POLICY  aws_iam_role_policy_attachment.admin  [owner security-team: Break-glass role for the incident runbook, reviewed quarterly; expires 2099-01-01]"), "{}", o.stdout);
    assert!(
        o.stdout.contains(
            "unused exception (matched nothing in these plans): PUB_S3 on module.nothing.*"
        ),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("4 violations, 1 allowed"), "{}", o.stdout);

    // An expired entry no longer applies, and says so.
    let text = std::fs::read_to_string(&allow)
        .unwrap()
        .replace("2099-01-01", "2020-01-01");
    std::fs::write(&allow, text).unwrap();
    let o = check(
        &repo,
        &plans("bad"),
        &["--exceptions", allow.to_str().unwrap()],
    );
    assert!(o.stdout.contains("5 violations, 0 allowed"), "{}", o.stdout);
    assert!(
        o.stdout
            .contains("expired exception (no longer applies): IAM_ADMIN_POLICY"),
        "{}",
        o.stdout
    );
}

#[test]
fn an_exception_without_reason_or_owner_is_invalid_input() {
    let repo = common::Repo::new();
    let allow = repo.root().join("exceptions.toml");
    std::fs::write(
        &allow,
        "[[exception]]\nid = \"PUB_DB\"\nresource = \"module.postgres.*\"\nreason = \"\"\nowner = \"dba\"\n",
    )
    .unwrap();
    let o = check(
        &repo,
        &plans("bad"),
        &["--exceptions", allow.to_str().unwrap()],
    );
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(o.stderr.contains("needs a reason"), "{}", o.stderr);
}

#[test]
fn a_missing_plan_dir_is_invalid_input() {
    let repo = common::Repo::new();
    let o = check(&repo, "/nonexistent/plans", &[]);
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(
        o.stderr.contains("is not a directory of saved plans"),
        "{}",
        o.stderr
    );
}

#[test]
fn cost_per_stack_region_and_environment_hand_computed() {
    let repo = common::Repo::new();
    let o = cost(&repo, &["--plan-dir", &plans("good")]);
    assert_eq!(o.code, 0, "{}\n{}", o.stdout, o.stderr);
    // network: 3 NAT (3 * 0.045 * 730 = 98.55) + 3 EIP (3 * 0.005 * 730 = 10.95)
    //          + interface endpoint in 3 AZs (0.01 * 730 * 3 = 21.90) = 131.40
    // data: db.r7g.large multi-AZ + 100 GB gp3 = 2 * (0.239 * 730 + 100 * 0.115) = 371.94, + KMS key 1.00
    //       naive: 2 * (0.25 * 730 + 500 * 0.115) = 480.00, + 1.00
    assert!(
        o.stdout
            .contains("| prod-us-east-1-data | us-east-1 | 2 | $372.94 | $481.00 | 0 |"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("| prod-us-east-1-network | us-east-1 | 7 | $131.40 | $131.40 | 0 |"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("region us-east-1: $504.34 per month"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("environment prod: $504.34 per month"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("$612.40 (ratio 0.82)"), "{}", o.stdout);
    assert!(
        o.stdout
            .contains("usage-based, not estimated: 2 resources (aws_flow_log, aws_s3_bucket)"),
        "{}",
        o.stdout
    );

    let o = cost(&repo, &["--plan-dir", &plans("good"), "--json"]);
    let j: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(j["totals"]["monthly"], 504.34);
    assert_eq!(
        j["stacks"][0]["lines"][0]["detail"],
        "db.r7g.large multi-AZ + 100 GB gp3 (naive: db.r6i.large, 500 GB)"
    );
}

#[test]
fn unpriced_resources_are_listed_and_strict_fails() {
    let repo = common::Repo::new();
    let o = cost(&repo, &["--plan-dir", &plans("bad")]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains("UNPRICED (not in the totals): 1"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("prod-us-east-1-data aws_made_up_thing.this: not in the price table"),
        "{}",
        o.stdout
    );
    let o = cost(&repo, &["--plan-dir", &plans("bad"), "--strict"]);
    assert_eq!(o.code, 1);
}

#[test]
fn compare_says_what_a_change_saves() {
    let repo = common::Repo::new();
    let good = plans("good");
    let o = cost(
        &repo,
        &["--plan-dir", &plans("one-nat"), "--compare", &good],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    // two NAT gateways and their addresses fewer: 2 * (32.85 + 3.65) = 73.00; the data stack is gone
    assert!(
        o.stdout
            .contains("| prod-us-east-1-network | $131.40 | $58.40 | -$73.00 |"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("| prod-us-east-1-data | $372.94 | $0.00 | -$372.94 |"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("this change saves $445.94 per month ($504.34 -> $58.40)"),
        "{}",
        o.stdout
    );
}
