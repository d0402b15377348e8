//! `infra plan`: exit 0 no changes, 2 changes pending (a stack whose upstream
//! is not deployed yet counts as pending), 1 error.

use anyhow::Result;
use infra_core::ops::Operation;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

pub fn run(s: &Settings, p: &Printer) -> Result<i32> {
    let loaded = super::load(s)?;
    let report = super::run_stacks(s, p, &loaded, Operation::Plan, None)?;
    Ok(super::finish(p, &report))
}
