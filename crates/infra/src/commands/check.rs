//! `infra check`: the plan gate. Plans every stack of the environment (or
//! reads `--plan-dir`), evaluates the Rego policies of `policy/` in-process
//! (regorus), applies the allow-list `policy/exceptions.toml`, and prints a
//! table per stack (`--json`: the report; `--sarif FILE`: SARIF 2.1.0).
//! Exit 0: no violation; 1: a violation, or a stack that could not be planned.

use anyhow::{Context, Result};
use infra_core::printer::Printer;
use infra_core::settings::Settings;
use infra_policy::{check, render_sarif, render_table, AllowList, PolicySet, StackPlan};
use serde_json::json;

use crate::cli::CheckArgs;
use crate::exit;

pub fn run(s: &Settings, p: &Printer, a: &CheckArgs) -> Result<i32> {
    let policy_dir = a
        .policy_dir
        .clone()
        .unwrap_or_else(|| s.root.join("policy"));
    let exceptions = a
        .exceptions
        .clone()
        .unwrap_or_else(|| policy_dir.join("exceptions.toml"));
    // Load and validate the policies and the allow-list before any terraform run.
    let policies = PolicySet::load(&policy_dir)
        .map_err(|e| infra_core::error::InvalidInput::Other(e.to_string()))?;
    let ids: Vec<String> = policies.rules.keys().cloned().collect();
    let allow = AllowList::load(&exceptions, &ids)
        .map_err(|e| infra_core::error::InvalidInput::Other(e.to_string()))?;

    let plans = super::plans::collect(s, p, &a.source)?;
    let started = std::time::Instant::now();
    let stack_plans: Vec<StackPlan> = plans
        .plans
        .iter()
        .map(|pl| StackPlan {
            stack: pl.stack.clone(),
            dir: format!("infrastructure/stacks/{}", pl.layer),
            plan: pl.doc.clone(),
        })
        .collect();
    let report = check(&policies, &allow, &stack_plans, &infra_policy::today())?;
    let eval_secs = started.elapsed().as_secs_f64();

    if let Some(path) = &a.sarif {
        let sarif = render_sarif(&report, &policies);
        std::fs::write(path, serde_json::to_string_pretty(&sarif)?)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    let passed = report.passed() && plans.missing.is_empty();
    if p.is_json() {
        p.json(&json!({
            "command": "check",
            "passed": passed,
            "report": report,
            "not_planned": plans.missing.iter().map(|(s, m)| json!({"stack": s, "reason": m})).collect::<Vec<_>>(),
            "plans": plans.dir.as_ref().map(|d| d.display().to_string()),
            "evaluation_secs": eval_secs,
            "exit_code": if passed { exit::OK } else { exit::FAILURE },
        }));
    } else {
        p.out(&render_table(&report));
        for (stack, why) in &plans.missing {
            p.out(&format!(
                "NOT PLANNED {stack}: {why} (the gate cannot pass without its plan)"
            ));
        }
        p.verbose(&format!(
            "{} policies over {} plans in {:.3}s",
            report.policies.len(),
            report.stacks.len(),
            eval_secs
        ));
        if let Some(path) = &a.sarif {
            p.info(&format!("SARIF written to {}", path.display()));
        }
    }
    Ok(if passed { exit::OK } else { exit::FAILURE })
}
