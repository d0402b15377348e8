//! One file per command; this module dispatches and holds what they share.

mod check;
mod cost;
mod destroy;
mod doctor;
mod emulator;
mod gitops;
mod graph;
mod output;
mod plan;
mod plans;
mod up;
mod validate;

use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use infra_core::emulator::{self as emu, EndpointSource};
use infra_core::envdata::{EnvFile, EnvSet};
use infra_core::error::InvalidInput;
use infra_core::executor::{Board, Slots};
use infra_core::graph::{StackGraph, StackGraphDef};
use infra_core::ops::{self, Ctx, Operation};
use infra_core::printer::{EmulatorNote, Printer, RunReport, StackReport, StackStatus};
use infra_core::settings::{GlobalFlags, Settings, Target};
use infra_core::terraform::Processes;

use crate::cli::{Cli, Command, TargetArg};
use crate::exit;

pub fn run(cli: Cli) -> Result<i32> {
    let g = &cli.global;
    let flags = GlobalFlags {
        env: g.env.clone(),
        regions: g.region.clone(),
        target: match g.target {
            TargetArg::Local => Target::Local,
            TargetArg::Aws => Target::Aws,
        },
        json: g.json,
        quiet: g.quiet,
        verbose: g.verbose,
        parallelism: g.parallelism,
    };
    let settings = Settings::resolve(&flags)?;
    let printer = Printer::new(settings.mode);
    match cli.command {
        Command::Up(a) => up::run(&settings, &printer, &a),
        Command::Plan => plan::run(&settings, &printer),
        Command::Destroy(a) => destroy::run(&settings, &printer, &a),
        Command::Output(a) => output::run(&settings, &printer, &a),
        Command::Graph(a) => graph::run(&settings, &printer, &a),
        Command::Doctor => doctor::run(&settings, &printer),
        Command::Validate => validate::run(&settings, &printer),
        Command::Emulator(a) => emulator::run(&settings, &printer, &a),
        Command::Check(a) => check::run(&settings, &printer, &a),
        Command::Cost(a) => cost::run(&settings, &printer, &a),
        Command::Gitops(a) => gitops::run(&settings, &printer, &a),
    }
}

/// Environment data and stack graph, validated (every error here is exit 3).
pub struct Loaded {
    pub env: EnvFile,
    pub regions: Vec<String>,
    pub graph: StackGraph,
}

pub fn load(s: &Settings) -> Result<Loaded> {
    let envs = EnvSet::load(&s.environments_dir())?;
    let (env, regions) = envs.select(&s.env, &s.regions)?;
    let env = env.clone();
    let def = StackGraphDef::load(&s.stacks_file())?;
    let full = def.instantiate(
        &env.name,
        &env.data.primary_region,
        &env.data.region_names(),
    )?;
    let graph = full.select_regions(&regions);
    Ok(Loaded {
        env,
        regions,
        graph,
    })
}

/// Target setup: the emulator endpoint (local) or the account check (aws).
fn setup_target(
    s: &Settings,
    p: &Printer,
    l: &Loaded,
    may_start: bool,
    procs: &Arc<Processes>,
) -> Result<Option<EmulatorNote>> {
    match s.target {
        Target::Local => {
            if may_start && s.local_endpoint.is_none() && emu::read_state(s).is_none() {
                p.info("starting the local emulator ...");
            }
            let (endpoint, source) = emu::endpoint(s, may_start)?;
            p.verbose(&format!("emulator endpoint: {endpoint}"));
            Ok(Some(EmulatorNote {
                endpoint,
                started: source == EndpointSource::Started,
                managed: source != EndpointSource::Variable,
            }))
        }
        Target::Aws => {
            let tf = ops::terraform_for(s, &l.env, None, Arc::clone(procs))?;
            p.info("checking the AWS account of the caller ...");
            let actual = ops::caller_account(&tf, &s.home, &l.env.data.primary_region)
                .context("cannot find the caller's AWS account (`aws sts get-caller-identity`)")?;
            if actual != l.env.data.account_id {
                return Err(InvalidInput::WrongAccount {
                    env: l.env.name.clone(),
                    expected: l.env.data.account_id.clone(),
                    actual,
                    file: l.env.path.clone(),
                }
                .into());
            }
            Ok(None)
        }
    }
}

/// Validate, set the target up and run one operation over the graph.
pub fn run_stacks(
    s: &Settings,
    p: &Printer,
    l: &Loaded,
    op: Operation,
    only: Option<&[String]>,
) -> Result<RunReport> {
    run_stacks_then(s, p, l, op, only, |_, _| ()).map(|(r, ())| r)
}

/// [`run_stacks`], then `after` with the run's context and stack reports
/// (e.g. `terraform show -json` of the plans just made).
pub fn run_stacks_then<R>(
    s: &Settings,
    p: &Printer,
    l: &Loaded,
    op: Operation,
    only: Option<&[String]>,
    after: impl FnOnce(&Ctx, &[StackReport]) -> R,
) -> Result<(RunReport, R)> {
    let started = Instant::now();
    let procs = Processes::new();
    let may_start = op == Operation::Up;
    let emulator = setup_target(s, p, l, may_start, &procs)?;
    ops::install_interrupt_handler(Arc::clone(&procs))
        .context("cannot install the signal handler")?;
    let tf = ops::terraform_for(
        s,
        &l.env,
        emulator.as_ref().map(|e| e.endpoint.as_str()),
        Arc::clone(&procs),
    )?;
    let ctx = Ctx {
        settings: s,
        env: &l.env,
        graph: &l.graph,
        tf,
        printer: p,
        slots: Slots::new(s.parallelism),
        board: Board::default(),
    };
    let stacks = ops::run_graph(&ctx, op, only);
    let extra = after(&ctx, &stacks);
    let command = match op {
        Operation::Up => "up",
        Operation::Plan => "plan",
        Operation::Destroy { .. } => "destroy",
        Operation::Output => "output",
    };
    let exit_code = exit_code(&stacks, op, procs.interrupted());
    let report = RunReport {
        command: command.into(),
        env: l.env.name.clone(),
        target: s.target.as_str().into(),
        regions: l.regions.clone(),
        stacks,
        wall_secs: started.elapsed().as_secs_f64(),
        emulator,
        exit_code,
    };
    Ok((report, extra))
}

pub fn exit_code(stacks: &[StackReport], op: Operation, interrupted: bool) -> i32 {
    let any = |st: StackStatus| stacks.iter().any(|s| s.status == st);
    if interrupted || any(StackStatus::Interrupted) {
        exit::INTERRUPTED
    } else if any(StackStatus::Failed) || any(StackStatus::Skipped) {
        exit::FAILURE
    } else if op == Operation::Plan && (any(StackStatus::Changes) || any(StackStatus::NotDeployed))
    {
        exit::CHANGES
    } else {
        exit::OK
    }
}

/// Print a run's result: the JSON document or the summary.
pub fn finish(p: &Printer, report: &RunReport) -> i32 {
    if p.is_json() {
        p.json(report);
    } else {
        p.out(&infra_core::printer::format_summary(report));
    }
    report.exit_code
}
