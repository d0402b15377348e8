//! The one owner of output. Progress goes to stderr (a MultiProgress on a
//! terminal, one plain line per phase change otherwise, nothing with
//! `--json`/`--quiet`); results and summaries go to stdout.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::settings::OutputMode;
use crate::terraform::Changes;

/// Where a stack is in its run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Waiting,
    Init,
    Read,
    Plan,
    Apply,
    Destroy,
    Done,
    Failed,
    Skipped,
    Interrupted,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Waiting => "waiting",
            Phase::Init => "init",
            Phase::Read => "read",
            Phase::Plan => "plan",
            Phase::Apply => "apply",
            Phase::Destroy => "destroy",
            Phase::Done => "done",
            Phase::Failed => "failed",
            Phase::Skipped => "skipped",
            Phase::Interrupted => "interrupted",
        }
    }
    fn finished(self) -> bool {
        matches!(
            self,
            Phase::Done | Phase::Failed | Phase::Skipped | Phase::Interrupted
        )
    }
}

/// Final state of one stack in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StackStatus {
    /// up: changes applied.
    Applied,
    /// up/plan: nothing to do.
    Unchanged,
    /// plan: changes pending.
    Changes,
    /// plan: an upstream has no state yet, so this stack would be created.
    NotDeployed,
    /// destroy: resources destroyed.
    Destroyed,
    /// destroy: bootstrap kept (no `--include-bootstrap`) or outside the regions.
    Kept,
    /// output/destroy: read only.
    Read,
    Failed,
    Skipped,
    Interrupted,
}

impl StackStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StackStatus::Applied => "applied",
            StackStatus::Unchanged => "unchanged",
            StackStatus::Changes => "changes",
            StackStatus::NotDeployed => "not-deployed",
            StackStatus::Destroyed => "destroyed",
            StackStatus::Kept => "kept",
            StackStatus::Read => "read",
            StackStatus::Failed => "failed",
            StackStatus::Skipped => "skipped",
            StackStatus::Interrupted => "interrupted",
        }
    }
}

/// One stack's result, as printed and as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct StackReport {
    pub id: String,
    pub layer: String,
    pub region: String,
    pub status: StackStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
    /// plan: `<action> <address>` of every planned change.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    pub duration_secs: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The stack's `summary_outputs` (up) or all outputs (output).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub outputs: BTreeMap<String, serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
}

/// The emulator a local run used.
#[derive(Debug, Clone, Serialize)]
pub struct EmulatorNote {
    pub endpoint: String,
    /// Started by this run (and left running).
    pub started: bool,
    /// Managed by infra (`infra emulator stop` stops it) rather than `INFRA_LOCAL_ENDPOINT`.
    pub managed: bool,
}

/// The whole result of `up`, `plan`, `destroy` or `output`.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub command: String,
    pub env: String,
    pub target: String,
    pub regions: Vec<String>,
    pub stacks: Vec<StackReport>,
    pub wall_secs: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emulator: Option<EmulatorNote>,
    pub exit_code: i32,
}

pub fn format_duration(d: f64) -> String {
    if d < 60.0 {
        format!("{d:.1}s")
    } else {
        let s = d.round() as u64;
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

/// One progress line (also the plain, non-terminal format).
pub fn format_progress(id: &str, phase: Phase, elapsed: Duration, resources: u32) -> String {
    let mut line = format!(
        "{id:<32} {:<11} {:>6}",
        phase.as_str(),
        format_duration(elapsed.as_secs_f64())
    );
    if resources > 0 {
        line.push_str(&format!(
            "  {resources} resource{}",
            if resources == 1 { "" } else { "s" }
        ));
    }
    line
}

fn count(c: &Option<Changes>, f: fn(&Changes) -> u32) -> String {
    c.as_ref()
        .map(|c| f(c).to_string())
        .unwrap_or_else(|| "-".into())
}

/// The summary printed at the end of a run.
pub fn format_summary(r: &RunReport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "infra {}: env {}, target {}, regions {}\n\n",
        r.command,
        r.env,
        r.target,
        r.regions.join(", ")
    ));
    let w = r
        .stacks
        .iter()
        .map(|s| s.id.len())
        .max()
        .unwrap_or(5)
        .max(5);
    out.push_str(&format!(
        "  {:<w$}  {:<12} {:>5} {:>5} {:>5} {:>7}\n",
        "STACK", "STATUS", "+ADD", "~CHG", "-DEL", "TIME"
    ));
    for s in &r.stacks {
        out.push_str(&format!(
            "  {:<w$}  {:<12} {:>5} {:>5} {:>5} {:>7}\n",
            s.id,
            s.status.as_str(),
            count(&s.changes, |c| c.add),
            count(&s.changes, |c| c.change),
            count(&s.changes, |c| c.destroy),
            format_duration(s.duration_secs)
        ));
        if let Some(m) = &s.message {
            for line in m.lines().take(15) {
                out.push_str(&format!("  {:<w$}    {line}\n", ""));
            }
            if let (StackStatus::Failed, Some(log)) = (s.status, &s.log) {
                out.push_str(&format!("  {:<w$}    full log: {log}\n", ""));
            }
        }
        for res in &s.resources {
            out.push_str(&format!("  {:<w$}    {res}\n", ""));
        }
    }
    let with_outputs: Vec<&StackReport> =
        r.stacks.iter().filter(|s| !s.outputs.is_empty()).collect();
    if !with_outputs.is_empty() {
        out.push_str("\noutputs:\n");
        for s in with_outputs {
            for (k, v) in &s.outputs {
                out.push_str(&format!("  {:<w$}  {k} = {v}\n", s.id));
            }
        }
    }
    let mut by_status: Vec<(StackStatus, usize)> = vec![];
    for s in &r.stacks {
        match by_status.iter_mut().find(|(st, _)| *st == s.status) {
            Some((_, n)) => *n += 1,
            None => by_status.push((s.status, 1)),
        }
    }
    let totals = r
        .stacks
        .iter()
        .filter_map(|s| s.changes)
        .fold(Changes::default(), |a, c| Changes {
            add: a.add + c.add,
            change: a.change + c.change,
            destroy: a.destroy + c.destroy,
        });
    out.push_str(&format!(
        "\n{} stack{}: {} · resources {} to add/added, {} changed, {} destroyed · {}\n",
        r.stacks.len(),
        if r.stacks.len() == 1 { "" } else { "s" },
        by_status
            .iter()
            .map(|(s, n)| format!("{n} {}", s.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        totals.add,
        totals.change,
        totals.destroy,
        format_duration(r.wall_secs)
    ));
    if let Some(e) = &r.emulator {
        if e.managed {
            out.push_str(&format!(
                "emulator: {} ({}; left running, stop it with `infra emulator stop`)\n",
                e.endpoint,
                if e.started {
                    "started by this run"
                } else {
                    "already running"
                }
            ));
        } else {
            out.push_str(&format!(
                "emulator: {} (from INFRA_LOCAL_ENDPOINT)\n",
                e.endpoint
            ));
        }
    }
    out
}

struct Line {
    phase: Phase,
    start: Instant,
    resources: u32,
    bar: Option<ProgressBar>,
}

/// The output owner.
pub struct Printer {
    mode: OutputMode,
    tty: bool,
    multi: Option<MultiProgress>,
    lines: Mutex<HashMap<String, Line>>,
    started: Instant,
}

impl Printer {
    pub fn new(mode: OutputMode) -> Self {
        let tty =
            std::io::stderr().is_terminal() && std::env::var_os("INFRA_NO_PROGRESS").is_none();
        Self::with_tty(mode, tty)
    }

    pub fn with_tty(mode: OutputMode, tty: bool) -> Self {
        let progress = matches!(mode, OutputMode::Normal | OutputMode::Verbose);
        let multi = (tty && progress)
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        Self {
            mode,
            tty,
            multi,
            lines: Mutex::new(HashMap::new()),
            started: Instant::now(),
        }
    }

    pub fn mode(&self) -> OutputMode {
        self.mode
    }
    pub fn is_json(&self) -> bool {
        self.mode == OutputMode::Json
    }
    pub fn is_tty(&self) -> bool {
        self.tty
    }

    fn progress_enabled(&self) -> bool {
        matches!(self.mode, OutputMode::Normal | OutputMode::Verbose)
    }

    fn err_line(&self, text: &str) {
        match &self.multi {
            Some(m) => {
                let _ = m.println(text);
            }
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    }

    /// A note on stderr (normal and verbose modes).
    pub fn info(&self, text: &str) {
        if self.progress_enabled() {
            self.err_line(text);
        }
    }

    /// Detail only in verbose mode.
    pub fn verbose(&self, text: &str) {
        if self.mode == OutputMode::Verbose {
            self.err_line(text);
        }
    }

    /// A warning on stderr, in every mode but quiet.
    pub fn warn(&self, text: &str) {
        if self.mode != OutputMode::Quiet {
            self.err_line(&format!("warning: {text}"));
        }
    }

    /// An error on stderr, always.
    pub fn error(&self, text: &str) {
        self.err_line(&format!("error: {text}"));
    }

    /// Results on stdout (suppressed in JSON mode, where `json` prints).
    pub fn out(&self, text: &str) {
        if !self.is_json() {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(text.as_bytes());
            if !text.ends_with('\n') {
                let _ = o.write_all(b"\n");
            }
        }
    }

    /// The one JSON document of a `--json` run.
    pub fn json<T: Serialize>(&self, value: &T) {
        let text = serde_json::to_string_pretty(value)
            .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }

    /// Register the stacks of a run (one progress line each).
    pub fn stacks(&self, ids: &[String]) {
        let Ok(mut lines) = self.lines.lock() else {
            return;
        };
        for id in ids {
            let bar = self.multi.as_ref().map(|m| {
                let b = m.add(ProgressBar::new_spinner());
                b.set_style(
                    ProgressStyle::with_template("{spinner:.cyan} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                b.set_message(format_progress(id, Phase::Waiting, Duration::ZERO, 0));
                b.enable_steady_tick(Duration::from_millis(120));
                b
            });
            lines.insert(
                id.clone(),
                Line {
                    phase: Phase::Waiting,
                    start: Instant::now(),
                    resources: 0,
                    bar,
                },
            );
        }
    }

    /// A stack moved to another phase.
    pub fn phase(&self, id: &str, phase: Phase) {
        let Ok(mut lines) = self.lines.lock() else {
            return;
        };
        let Some(line) = lines.get_mut(id) else {
            return;
        };
        if line.phase == phase {
            return;
        }
        if line.phase == Phase::Waiting {
            line.start = Instant::now();
        }
        line.phase = phase;
        let text = format_progress(id, phase, line.start.elapsed(), line.resources);
        match &line.bar {
            Some(b) if phase.finished() => b.finish_with_message(text),
            Some(b) => b.set_message(text),
            None if self.progress_enabled() => {
                let _ = writeln!(
                    std::io::stderr(),
                    "[{:>7}] {text}",
                    format_duration(self.started.elapsed().as_secs_f64())
                );
            }
            None => {}
        }
    }

    /// A resource of a stack finished (`apply_complete`).
    pub fn resource_done(&self, id: &str) {
        let Ok(mut lines) = self.lines.lock() else {
            return;
        };
        if let Some(line) = lines.get_mut(id) {
            line.resources += 1;
            if let Some(b) = &line.bar {
                b.set_message(format_progress(
                    id,
                    line.phase,
                    line.start.elapsed(),
                    line.resources,
                ));
            }
        }
    }

    /// Stop drawing progress (before the summary).
    pub fn finish(&self) {
        if let Some(m) = &self.multi {
            let _ = m.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> RunReport {
        RunReport {
            command: "up".into(),
            env: "dev".into(),
            target: "local".into(),
            regions: vec!["us-east-1".into(), "us-west-2".into()],
            stacks: vec![
                StackReport {
                    id: "dev-us-east-1-bootstrap".into(),
                    layer: "bootstrap".into(),
                    region: "us-east-1".into(),
                    status: StackStatus::Applied,
                    changes: Some(Changes {
                        add: 5,
                        change: 0,
                        destroy: 0,
                    }),
                    resources: vec![],
                    duration_secs: 12.34,
                    message: None,
                    outputs: [("state_bucket_name".to_string(), serde_json::json!("b"))].into(),
                    log: None,
                },
                StackReport {
                    id: "dev-us-east-1-network".into(),
                    layer: "network".into(),
                    region: "us-east-1".into(),
                    status: StackStatus::Failed,
                    changes: None,
                    resources: vec![],
                    duration_secs: 75.0,
                    message: Some("Error: boom".into()),
                    outputs: BTreeMap::new(),
                    log: Some("/x/dev-us-east-1-network.log".into()),
                },
            ],
            wall_secs: 80.0,
            emulator: Some(EmulatorNote {
                endpoint: "http://127.0.0.1:1".into(),
                started: true,
                managed: true,
            }),
            exit_code: 1,
        }
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(3.21), "3.2s");
        assert_eq!(format_duration(75.0), "1m15s");
    }

    #[test]
    fn progress_line() {
        assert_eq!(
            format_progress(
                "dev-us-east-1-network",
                Phase::Apply,
                Duration::from_millis(2500),
                3
            ),
            "dev-us-east-1-network            apply         2.5s  3 resources"
        );
        assert!(!format_progress("x", Phase::Init, Duration::ZERO, 0).contains("resource"));
    }

    #[test]
    fn summary_names_failures_outputs_totals_and_emulator() {
        let text = format_summary(&report());
        insta::assert_snapshot!(text);
    }

    #[test]
    fn report_json_shape() {
        let v = serde_json::to_value(report()).unwrap();
        assert_eq!(v["stacks"][0]["status"], "applied");
        assert_eq!(v["stacks"][0]["changes"]["add"], 5);
        assert!(v["stacks"][1].get("changes").is_none());
        assert_eq!(v["exit_code"], 1);
    }
}
