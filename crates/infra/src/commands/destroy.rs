//! `infra destroy`: reverse order; production needs `--confirm <env>`.

use anyhow::Result;
use infra_core::envdata::Tier;
use infra_core::error::InvalidInput;
use infra_core::ops::Operation;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

use crate::cli::DestroyArgs;

pub fn run(s: &Settings, p: &Printer, a: &DestroyArgs) -> Result<i32> {
    let loaded = super::load(s)?;
    let env = &loaded.env.name;
    match (&a.confirm, loaded.env.data.tier) {
        (Some(c), _) if c != env => {
            return Err(InvalidInput::WrongConfirmation {
                env: env.clone(),
                given: c.clone(),
            }
            .into())
        }
        (None, Tier::Production) => {
            return Err(InvalidInput::MissingConfirmation { env: env.clone() }.into())
        }
        _ => {}
    }
    if a.include_bootstrap && loaded.env.data.tier == Tier::Production {
        return Err(InvalidInput::ProductionBootstrap { env: env.clone() }.into());
    }
    let op = Operation::Destroy {
        include_bootstrap: a.include_bootstrap,
    };
    let report = super::run_stacks(s, p, &loaded, op, None)?;
    Ok(super::finish(p, &report))
}
