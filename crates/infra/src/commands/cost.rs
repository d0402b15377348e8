//! `infra cost`: monthly estimate per stack, region and environment from the
//! plans (or `--plan-dir`) and `pricing/prices.json`; `--compare BASE_DIR`
//! shows what the change adds or saves per month against saved base plans.
//! Unpriced resources are listed (and fail the run with `--strict`).

use anyhow::Result;
use infra_core::error::InvalidInput;
use infra_core::printer::Printer;
use infra_core::settings::Settings;
use infra_cost::{
    compare, estimate_plan, render_compare, render_estimates, Estimate, PriceTable, Totals,
};
use serde_json::json;

use crate::cli::CostArgs;
use crate::exit;

pub fn run(s: &Settings, p: &Printer, a: &CostArgs) -> Result<i32> {
    let path = a
        .prices
        .clone()
        .unwrap_or_else(|| s.root.join("pricing").join("prices.json"));
    let table = PriceTable::load(&path).map_err(|e| InvalidInput::Other(e.to_string()))?;
    let base = match &a.compare {
        Some(dir) => Some(super::plans::read_dir(dir)?),
        None => None,
    };
    let plans = super::plans::collect(s, p, &a.source)?;
    let estimate = |pl: &super::plans::Plan| estimate_plan(&table, &pl.stack, &pl.doc);
    let head: Vec<Estimate> = plans.plans.iter().map(estimate).collect();
    let totals = Totals::of(&head);
    let unpriced = totals.unpriced;
    let failed = !plans.missing.is_empty() || (a.strict && unpriced > 0);

    if let Some(base) = base {
        let base: Vec<Estimate> = base.iter().map(estimate).collect();
        let c = compare(&base, &head);
        if p.is_json() {
            p.json(&json!({"command": "cost", "compare": c, "exit_code": if failed { exit::FAILURE } else { exit::OK }}));
        } else {
            p.out(&render_compare(&c));
        }
    } else if p.is_json() {
        p.json(&json!({
            "command": "cost",
            "prices": { "source": table.source, "retrieved": table.retrieved },
            "stacks": head,
            "totals": totals,
            "ratio_to_naive": totals.ratio(),
            "not_planned": plans.missing.iter().map(|(s, m)| json!({"stack": s, "reason": m})).collect::<Vec<_>>(),
            "exit_code": if failed { exit::FAILURE } else { exit::OK },
        }));
    } else {
        p.out(&render_estimates(&head, a.detail));
        p.out(&format!(
            "prices: {} (retrieved {})",
            path.strip_prefix(&s.root).unwrap_or(&path).display(),
            table.retrieved
        ));
    }
    if !p.is_json() {
        for (stack, why) in &plans.missing {
            p.out(&format!("NOT PLANNED {stack}: {why} (not in the totals)"));
        }
    }
    Ok(if failed { exit::FAILURE } else { exit::OK })
}
