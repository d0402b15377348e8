//! `infra validate`: every environment file against every rule, and the
//! stack graph for each environment. Exit 3 when anything is invalid.

use anyhow::Result;
use infra_core::envdata::EnvSet;
use infra_core::error::EnvDataError;
use infra_core::graph::StackGraphDef;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

pub fn run(s: &Settings, p: &Printer) -> Result<i32> {
    let envs = EnvSet::load(&s.environments_dir())?;
    let violations = envs.validate_all();
    let def = StackGraphDef::load(&s.stacks_file())?;
    if violations.is_empty() {
        // The requested environment and regions must exist too.
        envs.select(&s.env, &s.regions)?;
        for f in &envs.files {
            def.instantiate(&f.name, &f.data.primary_region, &f.data.region_names())?;
        }
    }
    if p.is_json() {
        p.json(&serde_json::json!({
            "valid": violations.is_empty(),
            "environments": envs.names(),
            "violations": violations,
        }));
    }
    if !violations.is_empty() {
        let err = EnvDataError::Invalid(violations);
        if p.is_json() {
            p.error(&err.to_string());
            return Ok(crate::exit::INVALID);
        }
        return Err(err.into());
    }
    let mut text = String::new();
    for f in &envs.files {
        text.push_str(&format!(
            "ok  {} ({})\n",
            f.path.display(),
            f.data.region_names().join(", ")
        ));
    }
    text.push_str(&format!(
        "ok  {} ({} layers)\n",
        s.stacks_file().display(),
        def.stacks.len()
    ));
    p.out(&text);
    Ok(0)
}
