//! What `up`, `plan`, `destroy` and `output` do to each stack instance, run
//! over the graph by the executor.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde_json::{Map, Value};

use crate::envdata::EnvFile;
use crate::error::TerraformError;
use crate::executor::{run_all, Blocked, Board, Published, Slots};
use crate::graph::{Backend, StackGraph, StackInstance};
use crate::printer::{Phase, Printer, StackReport, StackStatus};
use crate::settings::{Settings, Target};
use crate::terraform::{self, Changes, Event, Processes, Run, Terraform};

/// Outputs of a stack as known to the run.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub outputs: Arc<Map<String, Value>>,
    /// plan: the stack has changes pending (or is not deployed).
    pub pending: bool,
    /// destroy/output: the stack's state holds resources.
    pub deployed: bool,
}

/// Everything the per-stack operations share.
pub struct Ctx<'a> {
    pub settings: &'a Settings,
    pub env: &'a EnvFile,
    pub graph: &'a StackGraph,
    pub tf: Terraform,
    pub printer: &'a Printer,
    pub slots: Slots,
    pub board: Board<Known>,
}

/// Build the terraform runner for a target. `endpoint` is the emulator for `--target local`.
pub fn terraform_for(
    s: &Settings,
    env: &EnvFile,
    endpoint: Option<&str>,
    processes: Arc<Processes>,
) -> Result<Terraform, TerraformError> {
    let rc = terraform::cli_config(
        &s.project_cli_config(),
        s.provider_mirror.as_deref(),
        &s.home,
    )?;
    let mut set_env = vec![
        ("TF_CLI_CONFIG_FILE".to_string(), rc.display().to_string()),
        ("CHECKPOINT_DISABLE".into(), "1".into()),
        ("TF_IN_AUTOMATION".into(), "1".into()),
        ("TF_INPUT".into(), "0".into()),
    ];
    let mut remove_env = vec![];
    if s.target == Target::Local {
        if let Some(e) = endpoint {
            set_env.push(("AWS_ENDPOINT_URL".into(), e.to_string()));
        }
        set_env.push(("AWS_ACCESS_KEY_ID".into(), env.data.account_id.clone()));
        set_env.push(("AWS_SECRET_ACCESS_KEY".into(), "local".into()));
        set_env.push(("AWS_MAX_ATTEMPTS".into(), "3".into()));
        remove_env.extend(["AWS_PROFILE".to_string(), "AWS_SESSION_TOKEN".to_string()]);
    }
    Ok(Terraform {
        bin: s.terraform_bin.clone(),
        set_env,
        remove_env,
        processes,
    })
}

/// Send SIGINT/SIGTERM of infra to the running terraform processes (once).
pub fn install_interrupt_handler(processes: Arc<Processes>) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
    ])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            processes.interrupt();
        }
    });
    Ok(())
}

/// Why a stack stopped early.
enum Stop {
    Blocked(Blocked),
    Failed(String),
    NotDeployed(String),
}

impl From<TerraformError> for Stop {
    fn from(e: TerraformError) -> Self {
        match e {
            TerraformError::Interrupted => Stop::Blocked(Blocked::Interrupted),
            TerraformError::Failed {
                tail,
                command,
                code,
            } => Stop::Failed(format!("terraform {command} failed (exit {code}):\n{tail}")),
            other => Stop::Failed(other.to_string()),
        }
    }
}

/// Adds the time since `.1` to the cell when dropped (also on errors).
struct BusyGuard<'b>(&'b std::cell::Cell<std::time::Duration>, Instant);

impl Drop for BusyGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() + self.1.elapsed());
    }
}

impl From<Blocked> for Stop {
    fn from(b: Blocked) -> Self {
        Stop::Blocked(b)
    }
}

/// One stack instance's terraform working set.
struct StackRun<'c, 'a> {
    ctx: &'c Ctx<'a>,
    inst: &'c StackInstance,
    dir: PathBuf,
    work: PathBuf,
    log: PathBuf,
    /// Time spent in terraform (not waiting for upstreams or a free slot):
    /// the duration the summary shows.
    busy: std::cell::Cell<std::time::Duration>,
}

impl<'c, 'a> StackRun<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>, inst: &'c StackInstance) -> Self {
        StackRun {
            dir: ctx.settings.stacks_dir().join(&inst.layer),
            work: ctx.settings.work_dir(&inst.id),
            log: ctx.settings.log_file(&inst.id),
            busy: std::cell::Cell::new(std::time::Duration::ZERO),
            ctx,
            inst,
        }
    }

    fn tf(&self, args: &[String], allow_two: bool) -> Result<Run, TerraformError> {
        let _permit = self.ctx.slots.acquire();
        let began = Instant::now();
        let _busy = BusyGuard(&self.busy, began);
        let id = self.inst.id.clone();
        let printer = self.ctx.printer;
        let applying = std::sync::atomic::AtomicBool::new(false);
        let on_event = move |e: Event| match e {
            Event::ResourceDone => printer.resource_done(&id),
            Event::ApplyStart if !applying.swap(true, std::sync::atomic::Ordering::Relaxed) => {
                printer.phase(&id, Phase::Apply)
            }
            _ => {}
        };
        self.ctx
            .tf
            .run_ok(&self.dir, &self.work, args, &self.log, &on_event, allow_two)
    }

    fn phase(&self, p: Phase) {
        self.ctx.printer.phase(&self.inst.id, p);
    }

    /// Wait for the bootstrap outputs (S3) and run `terraform init`.
    /// `key_prefix` selects the board keys (`""` or `"read:"`).
    /// Returns false when the backend does not exist yet.
    fn init(&self, key_prefix: &str) -> Result<bool, Stop> {
        let mut args: Vec<String> = [
            "init",
            "-input=false",
            "-lockfile=readonly",
            "-reconfigure",
            "-no-color",
        ]
        .map(String::from)
        .into();
        match (&self.inst.backend, &self.inst.backend_of) {
            (Backend::Local, _) | (Backend::S3, None) => {
                let state = self.ctx.settings.local_state_file(&self.inst.id);
                if let Some(p) = state.parent() {
                    std::fs::create_dir_all(p).map_err(|e| {
                        Stop::Failed(format!("cannot create `{}`: {e}", p.display()))
                    })?;
                }
                args.push(format!("-backend-config=path={}", state.display()));
            }
            (Backend::S3, Some(b)) => {
                let known = self
                    .ctx
                    .board
                    .wait(&[format!("{key_prefix}{b}")], &self.ctx.tf.processes)?;
                let outs = known.first().map(|k| k.outputs.clone()).unwrap_or_default();
                let get = |name: &str| outs.get(name).and_then(Value::as_str).map(String::from);
                let (Some(bucket), Some(kms)) =
                    (get("state_bucket_name"), get("state_kms_key_arn"))
                else {
                    if known.first().is_some_and(|k| k.pending || !k.deployed) {
                        return Ok(false);
                    }
                    return Err(Stop::Failed(format!(
                        "bootstrap stack `{b}` has no outputs `state_bucket_name` and `state_kms_key_arn`; check `infrastructure/stacks/{}`",
                        b.rsplit('-').next().unwrap_or("bootstrap")
                    )));
                };
                args.extend([
                    format!("-backend-config=bucket={bucket}"),
                    format!("-backend-config=key={}", self.inst.state_key()),
                    format!("-backend-config=region={}", self.inst.region),
                    "-backend-config=use_lockfile=true".into(),
                    "-backend-config=encrypt=true".into(),
                    format!("-backend-config=kms_key_id={kms}"),
                ]);
            }
        }
        self.phase(Phase::Init);
        self.tf(&args, false)?;
        Ok(true)
    }

    /// Resolve the stack's inputs from upstream outputs and write
    /// `<work>/inputs.tfvars.json`. `lenient` (destroy) fills missing values with null.
    fn write_inputs(&self, key_prefix: &str, lenient: bool) -> Result<(), Stop> {
        let ups = self.inst.upstreams();
        let keys: Vec<String> = ups.iter().map(|u| format!("{key_prefix}{u}")).collect();
        let known = self.ctx.board.wait(&keys, &self.ctx.tf.processes)?;
        let by_id: BTreeMap<&String, &Known> = ups.iter().zip(known.iter()).collect();
        let mut vars = Map::new();
        for (var, input) in &self.inst.inputs {
            let up = by_id.get(&input.stack);
            match up.and_then(|k| k.outputs.get(&input.output)) {
                Some(v) => {
                    vars.insert(var.clone(), v.clone());
                }
                None if lenient => {
                    vars.insert(var.clone(), Value::String(String::new()));
                }
                None if up.is_some_and(|k| k.pending || !k.deployed) => {
                    return Err(Stop::NotDeployed(format!(
                        "upstream {} not deployed",
                        input.stack
                    )));
                }
                // Terraform leaves null outputs out of its state: a deployed
                // upstream without the output means null (that every wired
                // output is declared is checked statically, tests/wiring.rs).
                None => {
                    vars.insert(var.clone(), Value::Null);
                }
            }
        }
        std::fs::create_dir_all(&self.work)
            .map_err(|e| Stop::Failed(format!("cannot create `{}`: {e}", self.work.display())))?;
        let path = self.work.join("inputs.tfvars.json");
        let text = serde_json::to_string_pretty(&Value::Object(vars)).unwrap_or_default();
        std::fs::write(&path, text)
            .map_err(|e| Stop::Failed(format!("cannot write `{}`: {e}", path.display())))?;
        Ok(())
    }

    fn var_args(&self) -> Vec<String> {
        vec![
            "-var".into(),
            format!("environment={}", self.inst.env),
            "-var".into(),
            format!("region={}", self.inst.region),
            format!(
                "-var-file={}",
                self.work.join("inputs.tfvars.json").display()
            ),
        ]
    }

    /// `terraform plan -detailed-exitcode -json -out=<work>/plan`.
    fn plan(&self) -> Result<Run, Stop> {
        self.phase(Phase::Plan);
        let mut args: Vec<String> = vec![
            "plan".into(),
            "-input=false".into(),
            "-json".into(),
            "-detailed-exitcode".into(),
            format!("-out={}", self.work.join("plan").display()),
        ];
        args.extend(self.var_args());
        Ok(self.tf(&args, true)?)
    }

    /// Plan and apply in one process; the phase moves from plan to apply
    /// when the first resource starts changing.
    fn apply(&self) -> Result<Run, Stop> {
        self.phase(Phase::Plan);
        let mut args: Vec<String> = vec![
            "apply".into(),
            "-auto-approve".into(),
            "-input=false".into(),
            "-json".into(),
        ];
        args.extend(self.var_args());
        Ok(self.tf(&args, false)?)
    }

    fn destroy(&self) -> Result<Run, Stop> {
        self.phase(Phase::Destroy);
        let mut args: Vec<String> = vec![
            "apply".into(),
            "-destroy".into(),
            "-auto-approve".into(),
            "-input=false".into(),
            "-json".into(),
        ];
        args.extend(self.var_args());
        Ok(self.tf(&args, false)?)
    }

    fn outputs(&self) -> Result<Map<String, Value>, Stop> {
        let run = self.tf(
            &["output".into(), "-json".into(), "-no-color".into()],
            false,
        )?;
        Ok(terraform::parse_outputs(&run.stdout)?)
    }

    fn has_resources(&self) -> Result<bool, Stop> {
        let run = self.tf(&["state".into(), "list".into(), "-no-color".into()], false)?;
        Ok(run.stdout.lines().any(|l| !l.trim().is_empty()))
    }

    fn report(&self, status: StackStatus) -> StackReport {
        StackReport {
            id: self.inst.id.clone(),
            layer: self.inst.layer.clone(),
            region: self.inst.location().to_string(),
            status,
            changes: None,
            resources: vec![],
            duration_secs: self.busy.get().as_secs_f64(),
            message: None,
            outputs: BTreeMap::new(),
            log: Some(self.log.display().to_string()),
        }
    }

    /// Turn a stop into a report and publish the block for dependents.
    fn stopped(&self, stop: Stop, key: &str, pending_ok: bool) -> StackReport {
        let (status, message, published) = match stop {
            Stop::Blocked(Blocked::Interrupted) => (
                StackStatus::Interrupted,
                None,
                Published::Blocked(Blocked::Interrupted),
            ),
            Stop::Blocked(Blocked::Skipped(k)) | Stop::Blocked(Blocked::Failed(k)) => {
                let k = k
                    .trim_start_matches("read:")
                    .trim_start_matches("done:")
                    .to_string();
                (
                    StackStatus::Skipped,
                    Some(format!("`{k}` did not finish")),
                    Published::Blocked(Blocked::Skipped(k)),
                )
            }
            Stop::Failed(m) => (
                StackStatus::Failed,
                Some(m.clone()),
                Published::Blocked(Blocked::Failed(m)),
            ),
            Stop::NotDeployed(m) if pending_ok => (
                StackStatus::NotDeployed,
                Some(m),
                Published::Ok(Known {
                    outputs: Arc::default(),
                    pending: true,
                    deployed: false,
                }),
            ),
            Stop::NotDeployed(m) => (
                StackStatus::Failed,
                Some(m.clone()),
                Published::Blocked(Blocked::Failed(m)),
            ),
        };
        self.ctx.board.publish(key, published);
        self.phase(match status {
            StackStatus::Interrupted => Phase::Interrupted,
            StackStatus::Skipped => Phase::Skipped,
            StackStatus::Failed => Phase::Failed,
            _ => Phase::Done,
        });
        let mut r = self.report(status);
        r.message = message;
        r
    }
}

fn truncate_log(path: &Path) {
    if let Some(p) = path.parent() {
        let _ = std::fs::create_dir_all(p);
    }
    let _ = std::fs::write(path, "");
}

fn summary_outputs(inst: &StackInstance, outs: &Map<String, Value>) -> BTreeMap<String, Value> {
    inst.summary_outputs
        .iter()
        .filter_map(|k| outs.get(k).map(|v| (k.clone(), v.clone())))
        .collect()
}

/// Read a stack's state outputs (init + output); used for stacks outside
/// the selected regions and by `output`/`destroy`.
fn read_stack(run: &StackRun, key_prefix: &str) -> Result<Known, Stop> {
    if !run.init(key_prefix)? {
        return Ok(Known::default());
    }
    run.phase(Phase::Read);
    let outputs = run.outputs()?;
    let deployed = !outputs.is_empty() || run.has_resources()?;
    Ok(Known {
        outputs: Arc::new(outputs),
        pending: false,
        deployed,
    })
}

fn up_one(ctx: &Ctx, inst: &StackInstance) -> StackReport {
    let run = StackRun::new(ctx, inst);
    truncate_log(&run.log);
    let result = (|| -> Result<StackReport, Stop> {
        if inst.external {
            let known = read_stack(&run, "")?;
            if !known.deployed {
                return Err(Stop::Failed(format!(
                    "`{}` (outside the selected regions) is not deployed; run `infra up` for its region first",
                    inst.id
                )));
            }
            ctx.board.publish(&inst.id, Published::Ok(known));
            run.phase(Phase::Done);
            return Ok(run.report(StackStatus::Read));
        }
        if !run.init("")? {
            return Err(Stop::Failed("the state bucket does not exist".into()));
        }
        run.write_inputs("", false)?;
        // One `apply -auto-approve`: it plans and applies in one process, a
        // provider start and a refresh fewer than `plan -out` + `apply plan`.
        let applied = run.apply()?;
        let changes = applied.stream.changes.unwrap_or_default();
        let status = if changes.is_empty() {
            StackStatus::Unchanged
        } else {
            StackStatus::Applied
        };
        let outputs = run.outputs()?;
        let mut report = run.report(status);
        report.changes = Some(changes);
        report.outputs = summary_outputs(inst, &outputs);
        ctx.board.publish(
            &inst.id,
            Published::Ok(Known {
                outputs: Arc::new(outputs),
                pending: false,
                deployed: true,
            }),
        );
        run.phase(Phase::Done);
        Ok(report)
    })();
    result.unwrap_or_else(|stop| run.stopped(stop, &inst.id, false))
}

fn plan_one(ctx: &Ctx, inst: &StackInstance) -> StackReport {
    let run = StackRun::new(ctx, inst);
    truncate_log(&run.log);
    let result = (|| -> Result<StackReport, Stop> {
        if !run.init("")? {
            let b = inst.backend_of.clone().unwrap_or_default();
            return Err(Stop::NotDeployed(format!("upstream {b} not deployed")));
        }
        if inst.external {
            run.phase(Phase::Read);
            let outputs = run.outputs()?;
            let deployed = !outputs.is_empty();
            ctx.board.publish(
                &inst.id,
                Published::Ok(Known {
                    outputs: Arc::new(outputs),
                    pending: !deployed,
                    deployed,
                }),
            );
            run.phase(Phase::Done);
            return Ok(run.report(StackStatus::Read));
        }
        run.write_inputs("", false)?;
        let plan = run.plan()?;
        let outputs = run.outputs()?;
        let pending = plan.code == 2;
        let mut report = run.report(if pending {
            StackStatus::Changes
        } else {
            StackStatus::Unchanged
        });
        report.changes = Some(plan.stream.changes.unwrap_or_default());
        report.resources = plan
            .stream
            .planned
            .iter()
            .map(|(action, addr)| format!("{action} {addr}"))
            .collect();
        let deployed = !outputs.is_empty();
        ctx.board.publish(
            &inst.id,
            Published::Ok(Known {
                outputs: Arc::new(outputs),
                pending,
                deployed,
            }),
        );
        run.phase(Phase::Done);
        Ok(report)
    })();
    result.unwrap_or_else(|stop| run.stopped(stop, &inst.id, true))
}

fn output_one(ctx: &Ctx, inst: &StackInstance) -> StackReport {
    let run = StackRun::new(ctx, inst);
    let result = (|| -> Result<StackReport, Stop> {
        let known = read_stack(&run, "")?;
        let status = if known.deployed {
            StackStatus::Read
        } else {
            StackStatus::NotDeployed
        };
        let mut report = run.report(status);
        report.outputs = known
            .outputs
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        ctx.board.publish(&inst.id, Published::Ok(known));
        run.phase(Phase::Done);
        Ok(report)
    })();
    result.unwrap_or_else(|stop| run.stopped(stop, &inst.id, true))
}

fn destroy_one(ctx: &Ctx, inst: &StackInstance, include_bootstrap: bool) -> StackReport {
    let run = StackRun::new(ctx, inst);
    truncate_log(&run.log);
    let read_key = format!("read:{}", inst.id);
    let done_key = format!("done:{}", inst.id);
    let known = match read_stack(&run, "read:") {
        Ok(k) => {
            ctx.board.publish(&read_key, Published::Ok(k.clone()));
            k
        }
        Err(stop) => {
            let report = run.stopped(stop, &read_key, false);
            ctx.board.publish(
                &done_key,
                Published::Blocked(Blocked::Skipped(inst.id.clone())),
            );
            return report;
        }
    };
    let result = (|| -> Result<StackReport, Stop> {
        let dependents: Vec<String> = ctx
            .graph
            .dependents(&inst.id)
            .into_iter()
            .filter(|d| ctx.graph.get(d).is_some_and(|i| !i.external))
            .map(|d| format!("done:{d}"))
            .collect();
        run.phase(Phase::Waiting);
        ctx.board.wait(&dependents, &ctx.tf.processes)?;
        let keep = inst.external || (inst.backend == Backend::Local && !include_bootstrap);
        if keep {
            let mut r = run.report(StackStatus::Kept);
            r.message = Some(if inst.external {
                "outside the selected regions".into()
            } else {
                "bootstrap kept (pass `--include-bootstrap` to destroy it)".into()
            });
            return Ok(r);
        }
        if !known.deployed {
            let mut r = run.report(StackStatus::Unchanged);
            r.message = Some("nothing deployed".into());
            return Ok(r);
        }
        run.write_inputs("read:", true)?;
        let out = run.destroy()?;
        let mut r = run.report(StackStatus::Destroyed);
        r.changes = Some(out.stream.changes.unwrap_or(Changes {
            add: 0,
            change: 0,
            destroy: out.stream.applied,
        }));
        Ok(r)
    })();
    match result {
        Ok(r) => {
            ctx.board
                .publish(&done_key, Published::Ok(Known::default()));
            run.phase(Phase::Done);
            r
        }
        Err(stop) => run.stopped(stop, &done_key, false),
    }
}

/// Which operation to run over the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Up,
    Plan,
    Destroy { include_bootstrap: bool },
    Output,
}

/// Run `op` over every instance of the graph (one thread each); reports in topological order.
pub fn run_graph(ctx: &Ctx, op: Operation, only: Option<&[String]>) -> Vec<StackReport> {
    let order = ctx
        .graph
        .topo_order()
        .unwrap_or_else(|_| ctx.graph.instances.iter().map(|i| i.id.clone()).collect());
    ctx.printer.stacks(&order);
    let reports = run_all(&order, |id| {
        let inst = ctx.graph.get(id)?;
        Some(match op {
            Operation::Up => up_one(ctx, inst),
            Operation::Plan => plan_one(ctx, inst),
            Operation::Destroy { include_bootstrap } => destroy_one(ctx, inst, include_bootstrap),
            Operation::Output => output_one(ctx, inst),
        })
    });
    ctx.printer.finish();
    reports
        .into_iter()
        .flatten()
        .filter(|r| only.is_none_or(|layers| layers.contains(&r.layer)))
        .collect()
}

/// `terraform show -json` of the plan that `infra plan` saved for a stack
/// (`<work>/plan`): the document the plan gate (`infra check`) and the cost
/// estimate (`infra cost`) read. Run after [`run_graph`] with
/// [`Operation::Plan`], for stacks whose report is `Changes` or `Unchanged`.
pub fn show_plan(ctx: &Ctx, inst: &StackInstance) -> Result<Value, TerraformError> {
    let dir = ctx.settings.stacks_dir().join(&inst.layer);
    let work = ctx.settings.work_dir(&inst.id);
    let args = [
        "show".to_string(),
        "-json".into(),
        "-no-color".into(),
        work.join("plan").display().to_string(),
    ];
    let _permit = ctx.slots.acquire();
    let none = |_: Event| {};
    let log = ctx.settings.log_file(&inst.id);
    let run = ctx.tf.run_ok(&dir, &work, &args, &log, &none, false)?;
    serde_json::from_str(&run.stdout).map_err(|e| {
        TerraformError::Output(format!("`terraform show -json` of `{}`: {e}", inst.id))
    })
}

const CALLER_IDENTITY_TF: &str = include_str!("../assets/caller-identity/main.tf");

/// The AWS account of the caller's credentials: `aws sts get-caller-identity`
/// when the aws CLI exists, else terraform on the shipped caller-identity root.
pub fn caller_account(tf: &Terraform, home: &Path, region: &str) -> Result<String, TerraformError> {
    if let Ok(out) = std::process::Command::new("aws")
        .args(["sts", "get-caller-identity", "--output", "json"])
        .stdin(std::process::Stdio::null())
        .output()
    {
        if out.status.success() {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            if let Some(a) = v["Account"].as_str() {
                return Ok(a.to_string());
            }
        }
        return Err(TerraformError::Output(format!(
            "`aws sts get-caller-identity` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let dir = home.join("caller-identity");
    let io = |source| TerraformError::Io {
        path: dir.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    std::fs::write(dir.join("main.tf"), CALLER_IDENTITY_TF).map_err(io)?;
    let data = dir.join(".terraform");
    let log = dir.join("terraform.log");
    let none = |_: Event| {};
    tf.run_ok(
        &dir,
        &data,
        &["init".into(), "-input=false".into(), "-no-color".into()],
        &log,
        &none,
        false,
    )?;
    let var = format!("region={region}");
    tf.run_ok(
        &dir,
        &data,
        &[
            "apply".into(),
            "-auto-approve".into(),
            "-input=false".into(),
            "-no-color".into(),
            "-var".into(),
            var,
        ],
        &log,
        &none,
        false,
    )?;
    let out = tf.run_ok(
        &dir,
        &data,
        &["output".into(), "-json".into()],
        &log,
        &none,
        false,
    )?;
    let outputs = terraform::parse_outputs(&out.stdout)?;
    outputs
        .get("account_id")
        .and_then(Value::as_str)
        .map(String::from)
        .ok_or_else(|| {
            TerraformError::Output("the caller-identity root returned no account_id".into())
        })
}
