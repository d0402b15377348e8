//! `infra up`; on AWS it then bootstraps Argo CD on the clusters it applied
//! (`gitops.rs`).

use anyhow::Result;
use infra_core::ops::Operation;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

use super::gitops;
use crate::cli::UpArgs;

pub fn run(s: &Settings, p: &Printer, a: &UpArgs) -> Result<i32> {
    let loaded = super::load(s)?;
    let (report, clusters) =
        super::run_stacks_then(s, p, &loaded, Operation::Up, None, gitops::clusters_of_run)?;
    gitops::finish_up(s, p, &loaded, &report, clusters, a.skip_gitops)
}
