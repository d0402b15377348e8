//! `infra output [--stack <layer>]`.

use anyhow::Result;
use infra_core::ops::Operation;
use infra_core::printer::{Printer, StackStatus};
use infra_core::settings::Settings;

use crate::cli::OutputArgs;

pub fn run(s: &Settings, p: &Printer, a: &OutputArgs) -> Result<i32> {
    let loaded = super::load(s)?;
    loaded.graph.filter_layers(&a.stack)?;
    let only = (!a.stack.is_empty()).then_some(a.stack.as_slice());
    let report = super::run_stacks(s, p, &loaded, Operation::Output, only)?;
    if p.is_json() {
        p.json(&report);
        return Ok(report.exit_code);
    }
    let mut text = String::new();
    for st in &report.stacks {
        text.push_str(&format!("{} ({})\n", st.id, st.status.as_str()));
        if let Some(m) = &st.message {
            text.push_str(&format!("  {m}\n"));
        }
        if st.status == StackStatus::NotDeployed && st.outputs.is_empty() {
            text.push_str("  (no state)\n");
        }
        for (k, v) in &st.outputs {
            text.push_str(&format!("  {k} = {v}\n"));
        }
    }
    p.out(&text);
    Ok(report.exit_code)
}
