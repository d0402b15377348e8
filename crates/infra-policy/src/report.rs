//! Running the gate over the plans of an environment, and its reports.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{json, Value};

use crate::{AllowList, Exception, Finding, PolicyError, PolicySet};

/// A stack's plan document.
#[derive(Debug, Clone)]
pub struct StackPlan {
    /// Stack id, e.g. `prod-us-east-1-network`.
    pub stack: String,
    /// The stack's directory relative to the repository (for SARIF locations).
    pub dir: String,
    pub plan: Value,
}

/// A finding the allow-list admits, with the entry that admits it.
#[derive(Debug, Clone, Serialize)]
pub struct Allowed {
    #[serde(flatten)]
    pub finding: Finding,
    pub reason: String,
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// The gate's result for one stack.
#[derive(Debug, Clone, Serialize)]
pub struct StackResult {
    pub stack: String,
    pub dir: String,
    /// Managed resources the plan holds after apply.
    pub resources: usize,
    pub violations: Vec<Finding>,
    pub allowed: Vec<Allowed>,
}

/// The gate's result for every stack.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub stacks: Vec<StackResult>,
    /// Allow-list entries past their expiry date (they no longer apply).
    pub expired_exceptions: Vec<Exception>,
    /// Allow-list entries that matched nothing in these plans.
    pub unused_exceptions: Vec<Exception>,
    pub violations: usize,
    pub allowed: usize,
    pub policies: Vec<String>,
}

impl Report {
    /// The gate passes when no violation is left (allowed findings pass).
    pub fn passed(&self) -> bool {
        self.violations == 0
    }
}

fn resource_count(plan: &Value) -> usize {
    plan["resource_changes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| r["mode"] == "managed" && r["change"]["actions"] != json!(["delete"]))
                .count()
        })
        .unwrap_or(0)
}

/// Evaluate the policies over every plan and apply the allow-list.
pub fn check(
    policies: &PolicySet,
    allow: &AllowList,
    plans: &[StackPlan],
    today: &str,
) -> Result<Report, PolicyError> {
    let mut used = BTreeSet::new();
    let mut stacks = vec![];
    for p in plans {
        let findings = policies.evaluate(&p.plan)?;
        let mut violations = vec![];
        let mut allowed = vec![];
        for f in findings {
            match allow.matching(&p.stack, &f, today) {
                Some(i) => {
                    used.insert(i);
                    let e = &allow.entries[i];
                    allowed.push(Allowed {
                        finding: f,
                        reason: e.reason.clone(),
                        owner: e.owner.clone(),
                        expires: e.expires.clone(),
                    });
                }
                None => violations.push(f),
            }
        }
        stacks.push(StackResult {
            stack: p.stack.clone(),
            dir: p.dir.clone(),
            resources: resource_count(&p.plan),
            violations,
            allowed,
        });
    }
    let expired: Vec<Exception> = allow.expired(today).into_iter().cloned().collect();
    let unused = allow
        .entries
        .iter()
        .enumerate()
        .filter(|(i, e)| !used.contains(i) && !expired.contains(e))
        .map(|(_, e)| e.clone())
        .collect();
    Ok(Report {
        violations: stacks.iter().map(|s| s.violations.len()).sum(),
        allowed: stacks.iter().map(|s| s.allowed.len()).sum(),
        stacks,
        expired_exceptions: expired,
        unused_exceptions: unused,
        policies: policies.packages(),
    })
}

/// A table per stack: each violation and each allowed finding on its own line.
pub fn render_table(r: &Report) -> String {
    let mut s = String::new();
    for st in &r.stacks {
        let verdict = if st.violations.is_empty() {
            "pass"
        } else {
            "FAIL"
        };
        let _ = writeln!(
            s,
            "{}  {verdict}  ({} resources, {} violations, {} allowed)",
            st.stack,
            st.resources,
            st.violations.len(),
            st.allowed.len()
        );
        let w = st
            .violations
            .iter()
            .map(|f| f.id.len())
            .chain(st.allowed.iter().map(|a| a.finding.id.len()))
            .max()
            .unwrap_or(0);
        for f in &st.violations {
            let _ = writeln!(s, "  DENY   {:w$}  {}", f.id, f.message);
        }
        for a in &st.allowed {
            let _ = writeln!(
                s,
                "  ALLOW  {:w$}  {}  [owner {}: {}{}]",
                a.finding.id,
                a.finding.resource,
                a.owner,
                a.reason,
                a.expires
                    .as_deref()
                    .map(|d| format!("; expires {d}"))
                    .unwrap_or_default()
            );
        }
    }
    for e in &r.expired_exceptions {
        let _ = writeln!(
            s,
            "expired exception (no longer applies): {} on {} (owner {}, expired {})",
            e.id,
            e.resource,
            e.owner,
            e.expires.as_deref().unwrap_or("")
        );
    }
    for e in &r.unused_exceptions {
        let _ = writeln!(
            s,
            "unused exception (matched nothing in these plans): {} on {} (owner {})",
            e.id, e.resource, e.owner
        );
    }
    let _ = writeln!(
        s,
        "{}: {} stacks, {} violations, {} allowed by policy/exceptions.toml",
        if r.passed() { "passed" } else { "FAILED" },
        r.stacks.len(),
        r.violations,
        r.allowed
    );
    s
}

/// SARIF 2.1.0 for GitHub code scanning. Allowed findings are results with
/// an external suppression that carries the reason.
pub fn render_sarif(r: &Report, policies: &PolicySet) -> Value {
    let rules: Vec<Value> = policies
        .rules
        .values()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": m.description },
                "fullDescription": { "text": m.description },
                "defaultConfiguration": { "level": "error" },
                "properties": { "policy": m.policy, "tags": ["security", "terraform"] },
            })
        })
        .collect();
    let index: Vec<&String> = policies.rules.keys().collect();
    let mut results = vec![];
    for st in &r.stacks {
        let loc = |f: &Finding| {
            json!([{
                "physicalLocation": {
                    "artifactLocation": { "uri": format!("{}/main.tf", st.dir) },
                    "region": { "startLine": 1 }
                },
                "logicalLocations": [{ "fullyQualifiedName": format!("{}:{}", st.stack, f.resource), "kind": "resource" }]
            }])
        };
        let mut push = |f: &Finding, suppression: Option<&Allowed>| {
            let mut v = json!({
                "ruleId": f.id,
                "level": "error",
                "message": { "text": format!("[{}] {}", st.stack, f.message) },
                "locations": loc(f),
                "partialFingerprints": { "stackResource": format!("{}:{}:{}", f.id, st.stack, f.resource) },
            });
            if let Some(i) = index.iter().position(|k| **k == f.id) {
                v["ruleIndex"] = json!(i);
            }
            if let Some(a) = suppression {
                v["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": format!("{} (owner: {})", a.reason, a.owner),
                }]);
            }
            results.push(v);
        };
        for f in &st.violations {
            push(f, None);
        }
        for a in &st.allowed {
            push(&a.finding, Some(a));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "infra check",
                "informationUri": "https://github.com/ecommerce/infra/blob/main/docs/plan-gate.md",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }]
    })
}
