//! `infra graph`: the stack instances and their edges; no terraform run.

use anyhow::Result;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

use crate::cli::{GraphArgs, GraphFormat};

pub fn run(s: &Settings, p: &Printer, a: &GraphArgs) -> Result<i32> {
    let l = super::load(s)?;
    if p.is_json() {
        p.json(&l.graph);
        return Ok(0);
    }
    let text = match a.format {
        GraphFormat::Text => l.graph.render_text(&l.regions)?,
        GraphFormat::Dot => l.graph.render_dot()?,
        GraphFormat::Mermaid => l.graph.render_mermaid()?,
    };
    p.out(&text);
    Ok(0)
}
