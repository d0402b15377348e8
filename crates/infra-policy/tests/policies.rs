//! The repository's policies against their fixtures (policy/tests/<package>/data.json):
//! every case through the Rust engine, and the `*_test.rego` files as `opa test` runs them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use infra_policy::{run_rego_tests, AllowList, PolicySet};
use serde_json::{json, Value};

fn policy_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../policy")
}

/// The plan document of a fixture case (same shape as policy/tests/fixtures_test.rego builds).
fn plan_of(case: &Value) -> Value {
    let changes: Vec<Value> = case["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let t = r["type"].as_str().unwrap();
            let n = r["name"].as_str().unwrap();
            let mut rc = json!({
                "address": format!("{t}.{n}"),
                "mode": "managed",
                "type": t,
                "name": n,
                "change": {
                    "actions": r.get("actions").cloned().unwrap_or(json!(["create"])),
                    "after": r["after"],
                    "after_unknown": r.get("unknown").cloned().unwrap_or(json!({})),
                }
            });
            if let Some(m) = r["module"].as_str() {
                rc["address"] = json!(format!("{m}.{t}.{n}"));
                rc["module_address"] = json!(m);
            }
            rc
        })
        .collect();
    json!({
        "format_version": "1.2",
        "variables": { "environment": { "value": case["environment"] } },
        "resource_changes": changes,
    })
}

#[test]
fn every_fixture_case_reports_exactly_what_it_expects() {
    let set = PolicySet::load(&policy_dir()).expect("policies load");
    let mut failures = vec![];
    let mut cases_run = 0;
    for pkg in set.packages() {
        let path = policy_dir().join("tests").join(&pkg).join("data.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("package `{pkg}` has no fixtures at {}: {e}", path.display())
        });
        let doc: Value = serde_json::from_str(&text).unwrap();
        let cases = doc["cases"].as_array().unwrap();
        let mut expected_ids = BTreeSet::new();
        let mut has_pass = false;
        for c in cases {
            cases_run += 1;
            let want: BTreeSet<String> = c["expect"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            has_pass |= want.is_empty();
            expected_ids.extend(want.iter().cloned());
            let got: BTreeSet<String> = set
                .evaluate(&plan_of(c))
                .unwrap()
                .into_iter()
                .filter(|f| f.policy == pkg)
                .map(|f| f.id)
                .collect();
            if got != want {
                failures.push(format!("{pkg}: {}: got {got:?}, want {want:?}", c["name"]));
            }
        }
        assert!(has_pass, "package `{pkg}` has no passing case");
        for (id, meta) in &set.rules {
            if meta.policy == pkg && !expected_ids.contains(id) {
                failures.push(format!("{pkg}: rule {id} has no failing case"));
            }
        }
    }
    assert!(cases_run > 50, "only {cases_run} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rego_tests_pass_as_opa_test_would_run_them() {
    let results = run_rego_tests(&policy_dir()).expect("tests load");
    assert!(
        results.len() >= 27,
        "only {} rego tests found",
        results.len()
    );
    let failed: Vec<String> = results
        .iter()
        .filter(|t| !t.passed)
        .map(|t| format!("{} {}", t.name, t.error.clone().unwrap_or_default()))
        .collect();
    assert!(
        failed.is_empty(),
        "failing rego tests:\n{}",
        failed.join("\n")
    );
}

#[test]
fn every_rule_is_described_and_packages_are_concerns() {
    let set = PolicySet::load(&policy_dir()).unwrap();
    let pkgs: BTreeSet<String> = set.packages().into_iter().collect();
    for p in [
        "encryption",
        "public",
        "resilience",
        "tags",
        "backup",
        "iam",
        "compute",
        "tls",
        "logging",
    ] {
        assert!(pkgs.contains(p), "missing package {p}");
    }
    assert!(set.rules.len() >= 40, "{} rules", set.rules.len());
    for m in set.rules.values() {
        assert!(m.description.len() > 15, "rule {} has no description", m.id);
    }
}

#[test]
fn the_committed_allow_list_is_valid() {
    let set = PolicySet::load(&policy_dir()).unwrap();
    let ids: Vec<String> = set.rules.keys().cloned().collect();
    let allow =
        AllowList::load(&policy_dir().join("exceptions.toml"), &ids).expect("valid allow-list");
    for e in &allow.entries {
        assert!(!e.owner.is_empty() && e.reason.len() >= 10);
    }
}

#[test]
fn a_broken_policy_is_an_error_not_a_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rego"),
        "package bad\nimport rego.v1\ndeny contains x if {\n",
    )
    .unwrap();
    assert!(PolicySet::load(dir.path()).is_err());
    std::fs::write(
        dir.path().join("bad.rego"),
        "package bad\nimport rego.v1\ndeny contains \"just a string\" if { true }\n",
    )
    .unwrap();
    let set = PolicySet::load(dir.path()).unwrap();
    let err = set.evaluate(&json!({"resource_changes": []})).unwrap_err();
    assert!(
        err.to_string().contains("is not {id, resource, msg}"),
        "{err}"
    );
}
