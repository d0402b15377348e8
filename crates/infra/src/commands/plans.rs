//! The plan documents `check` and `cost` read: made now (plan every stack,
//! then `terraform show -json`) or saved earlier (`--plan-dir`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use infra_core::error::InvalidInput;
use infra_core::ops::{self, Operation};
use infra_core::printer::{Printer, StackStatus};
use infra_core::settings::Settings;
use serde_json::Value;

use crate::cli::PlanSource;

/// One stack's plan document.
pub struct Plan {
    pub stack: String,
    pub layer: String,
    pub doc: Value,
}

/// The plans of a run, and the stacks that have none (with the reason).
pub struct Plans {
    pub plans: Vec<Plan>,
    pub missing: Vec<(String, String)>,
    /// Where the documents were read from or saved to.
    pub dir: Option<PathBuf>,
}

/// `<env>-<region|global>-<layer>` -> layer.
pub fn layer_of(stack: &str) -> String {
    let rest = stack.split_once('-').map(|(_, r)| r).unwrap_or(stack);
    for r in ["us-east-1-", "us-west-2-", "global-"] {
        if let Some(l) = rest.strip_prefix(r) {
            return l.to_string();
        }
    }
    rest.to_string()
}

/// Read every `*.json` in `dir` as a plan (stack id = file stem).
pub fn read_dir(dir: &Path) -> Result<Vec<Plan>> {
    if !dir.is_dir() {
        return Err(InvalidInput::Other(format!(
            "`{}` is not a directory of saved plans (`terraform show -json` output, one `<stack-id>.json` per stack)",
            dir.display()
        ))
        .into());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read `{}`", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut plans = vec![];
    for f in files {
        let text = std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read `{}`", f.display()))?;
        let doc: Value = serde_json::from_str(&text)
            .with_context(|| format!("`{}` is not JSON", f.display()))?;
        if doc.get("resource_changes").is_none() && doc.get("planned_values").is_none() {
            bail!(
                "`{}` is not a plan document (`terraform show -json <planfile>`)",
                f.display()
            );
        }
        let stack = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        plans.push(Plan {
            layer: layer_of(&stack),
            stack,
            doc,
        });
    }
    if plans.is_empty() {
        return Err(
            InvalidInput::Other(format!("no `*.json` plans in `{}`", dir.display())).into(),
        );
    }
    Ok(plans)
}

fn save(dir: &Path, plans: &[Plan]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    for p in plans {
        let path = dir.join(format!("{}.json", p.stack));
        std::fs::write(&path, serde_json::to_vec(&p.doc)?)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(())
}

/// The plans, from `--plan-dir` or by planning every stack of the environment now.
pub fn collect(s: &Settings, p: &Printer, src: &PlanSource) -> Result<Plans> {
    if let Some(dir) = &src.plan_dir {
        return Ok(Plans {
            plans: read_dir(dir)?,
            missing: vec![],
            dir: Some(dir.clone()),
        });
    }
    let loaded = super::load(s)?;
    let (report, shown) =
        super::run_stacks_then(s, p, &loaded, Operation::Plan, None, |ctx, reports| {
            let wanted: Vec<_> = reports
                .iter()
                .filter(|r| matches!(r.status, StackStatus::Changes | StackStatus::Unchanged))
                .filter_map(|r| ctx.graph.get(&r.id))
                .collect();
            std::thread::scope(|sc| {
                let handles: Vec<_> = wanted
                    .iter()
                    .map(|inst| {
                        sc.spawn(|| {
                            (
                                inst.id.clone(),
                                inst.layer.clone(),
                                ops::show_plan(ctx, inst),
                            )
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .filter_map(|h| h.join().ok())
                    .collect::<Vec<_>>()
            })
        })?;
    let mut plans = vec![];
    let mut missing = vec![];
    for (stack, layer, doc) in shown {
        match doc {
            Ok(doc) => plans.push(Plan { stack, layer, doc }),
            Err(e) => missing.push((stack, format!("terraform show -json failed: {e}"))),
        }
    }
    for r in &report.stacks {
        if !matches!(
            r.status,
            StackStatus::Changes | StackStatus::Unchanged | StackStatus::Read
        ) {
            let why = r
                .message
                .clone()
                .unwrap_or_else(|| format!("{:?}", r.status));
            missing.push((r.id.clone(), why));
        }
    }
    plans.sort_by(|a, b| a.stack.cmp(&b.stack));
    let dir = s.target_home().join("plans").join(&loaded.env.name);
    save(&dir, &plans)?;
    if let Some(extra) = &src.save_plans {
        save(extra, &plans)?;
    }
    p.verbose(&format!("plan documents saved in {}", dir.display()));
    Ok(Plans {
        plans,
        missing,
        dir: Some(src.save_plans.clone().unwrap_or(dir)),
    })
}
