//! Runs terraform: environment, process groups, logs, and the `-json`
//! message stream (changes, resources applied, diagnostics).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::TerraformError;

/// The terraform processes running now, so that an interrupt can reach them.
#[derive(Debug, Default)]
pub struct Processes {
    pids: Mutex<BTreeSet<i32>>,
    interrupted: AtomicBool,
}

impl Processes {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Mark the run interrupted and send SIGINT once to every running
    /// terraform (each in its own process group, so a terminal's Ctrl-C did
    /// not reach them). Terraform then stops cleanly and releases its lock.
    pub fn interrupt(&self) {
        if self.interrupted.swap(true, Ordering::SeqCst) {
            return;
        }
        let pids = self.pids.lock().map(|p| p.clone()).unwrap_or_default();
        for pid in pids {
            // SAFETY: kill(2) with a pid we spawned and have not yet reaped.
            unsafe {
                libc::kill(pid, libc::SIGINT);
            }
        }
    }

    fn add(&self, pid: i32) {
        if let Ok(mut p) = self.pids.lock() {
            p.insert(pid);
        }
        // An interrupt that raced the spawn still reaches this process.
        if self.interrupted() {
            // SAFETY: as above.
            unsafe {
                libc::kill(pid, libc::SIGINT);
            }
        }
    }

    fn remove(&self, pid: i32) {
        if let Ok(mut p) = self.pids.lock() {
            p.remove(&pid);
        }
    }
}

/// Counts of a plan or apply (`change_summary`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub add: u32,
    pub change: u32,
    pub destroy: u32,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.add + self.change + self.destroy == 0
    }
}

/// What a `-json` stream said.
#[derive(Debug, Clone, Default)]
pub struct Stream {
    pub changes: Option<Changes>,
    /// `planned_change`: (action, address).
    pub planned: Vec<(String, String)>,
    pub applied: u32,
    pub errors: Vec<String>,
}

/// One message of terraform's `-json` output that matters while it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A resource started changing: planning is over (`apply -auto-approve`).
    ApplyStart,
    ResourceDone,
    Other,
}

impl Stream {
    /// Fold one line of `-json` output in; returns the event for progress.
    pub fn feed(&mut self, line: &str) -> Event {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            return Event::Other;
        };
        match v["type"].as_str().unwrap_or_default() {
            // Data sources also report `apply_complete` (action `read`): not a change.
            "apply_complete" if v["hook"]["action"] != "read" => {
                self.applied += 1;
                return Event::ResourceDone;
            }
            "apply_start" if v["hook"]["action"] != "read" => return Event::ApplyStart,
            "planned_change" => {
                let addr = v["change"]["resource"]["addr"].as_str().unwrap_or_default();
                let action = v["change"]["action"].as_str().unwrap_or_default();
                self.planned.push((action.to_string(), addr.to_string()));
            }
            "change_summary" => {
                let c = &v["changes"];
                let n = |k: &str| c[k].as_u64().unwrap_or(0) as u32;
                self.changes = Some(Changes {
                    add: n("add"),
                    change: n("change"),
                    destroy: n("remove"),
                });
            }
            "diagnostic" if v["diagnostic"]["severity"] == "error" => {
                let d = &v["diagnostic"];
                let mut msg = format!("Error: {}", d["summary"].as_str().unwrap_or_default());
                if let Some(detail) = d["detail"].as_str().filter(|s| !s.is_empty()) {
                    msg.push_str("\n  ");
                    msg.push_str(&detail.replace('\n', "\n  "));
                }
                if let Some(addr) = d["address"].as_str() {
                    msg.push_str(&format!("\n  (resource {addr})"));
                }
                self.errors.push(msg);
            }
            _ => {}
        }
        Event::Other
    }
}

/// How to run terraform: executable and process environment.
#[derive(Debug, Clone)]
pub struct Terraform {
    pub bin: String,
    pub set_env: Vec<(String, String)>,
    pub remove_env: Vec<String>,
    pub processes: Arc<Processes>,
}

/// The result of one terraform command.
#[derive(Debug, Clone)]
pub struct Run {
    pub code: i32,
    pub stream: Stream,
    pub stdout: String,
    pub stderr_tail: Vec<String>,
}

impl Run {
    /// The lines to show when it failed: terraform's error diagnostics, else
    /// the last lines it printed.
    pub fn error_tail(&self) -> String {
        if !self.stream.errors.is_empty() {
            return self.stream.errors.join("\n");
        }
        let lines: Vec<&str> = self
            .stderr_tail
            .iter()
            .map(|s| s.as_str())
            .filter(|l| !l.trim().is_empty() && !l.trim().chars().all(|c| "╷│╵".contains(c)))
            .collect();
        let start = lines.len().saturating_sub(12);
        lines[start..].join("\n")
    }
}

impl Terraform {
    /// Run `terraform -chdir=<dir> <args>` with `TF_DATA_DIR=<data_dir>`,
    /// appending everything it prints to `log`. `on_event` sees each `-json` message.
    pub fn run(
        &self,
        dir: &Path,
        data_dir: &Path,
        args: &[String],
        log: &Path,
        on_event: &(dyn Fn(Event) + Sync),
    ) -> Result<Run, TerraformError> {
        if self.processes.interrupted() {
            return Err(TerraformError::Interrupted);
        }
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| TerraformError::Io { path, source }
        };
        std::fs::create_dir_all(data_dir).map_err(io_err(data_dir))?;
        if let Some(parent) = log.parent() {
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(io_err(log))?;
        let log_file = Arc::new(Mutex::new(log_file));
        if let Ok(mut f) = log_file.lock() {
            let _ = writeln!(
                f,
                "\n$ TF_DATA_DIR={} {} -chdir={} {}",
                data_dir.display(),
                self.bin,
                dir.display(),
                args.join(" ")
            );
        }

        let mut cmd = Command::new(&self.bin);
        cmd.arg(format!("-chdir={}", dir.display()))
            .args(args)
            .env("TF_DATA_DIR", data_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        for k in &self.remove_env {
            cmd.env_remove(k);
        }
        for (k, v) in &self.set_env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().map_err(TerraformError::Spawn)?;
        let pid = child.id() as i32;
        self.processes.add(pid);

        let stderr = child.stderr.take();
        let err_log = Arc::clone(&log_file);
        let stderr_thread = std::thread::spawn(move || {
            let mut tail: Vec<String> = vec![];
            if let Some(s) = stderr {
                for line in BufReader::new(s).lines().map_while(Result::ok) {
                    if let Ok(mut f) = err_log.lock() {
                        let _ = writeln!(f, "{line}");
                    }
                    tail.push(line);
                    if tail.len() > 200 {
                        tail.remove(0);
                    }
                }
            }
            tail
        });

        let mut stream = Stream::default();
        let mut stdout = String::new();
        let mut out_tail: Vec<String> = vec![];
        if let Some(s) = child.stdout.take() {
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if let Ok(mut f) = log_file.lock() {
                    let _ = writeln!(f, "{line}");
                }
                let ev = stream.feed(&line);
                if ev != Event::Other {
                    on_event(ev);
                }
                stdout.push_str(&line);
                stdout.push('\n');
                out_tail.push(line);
                if out_tail.len() > 40 {
                    out_tail.remove(0);
                }
            }
        }
        let status = child.wait();
        self.processes.remove(pid);
        let mut stderr_tail = stderr_thread.join().unwrap_or_default();
        let status = status.map_err(TerraformError::Spawn)?;
        let code = status.code().unwrap_or(-1);
        if let Ok(mut f) = log_file.lock() {
            let _ = writeln!(f, "# exit {code}");
        }
        if self.processes.interrupted() && code != 0 {
            return Err(TerraformError::Interrupted);
        }
        if stderr_tail.is_empty() {
            // Plain (non-json) commands print errors on stdout too.
            stderr_tail = out_tail;
        }
        Ok(Run {
            code,
            stream,
            stdout,
            stderr_tail,
        })
    }

    /// Like [`run`](Self::run) but any exit code other than 0 (or 2 when
    /// `allow_two`) is an error carrying terraform's own message.
    pub fn run_ok(
        &self,
        dir: &Path,
        data_dir: &Path,
        args: &[String],
        log: &Path,
        on_event: &(dyn Fn(Event) + Sync),
        allow_two: bool,
    ) -> Result<Run, TerraformError> {
        let run = self.run(dir, data_dir, args, log, on_event)?;
        if run.code == 0 || (allow_two && run.code == 2) {
            Ok(run)
        } else {
            Err(TerraformError::Failed {
                command: args.first().cloned().unwrap_or_default(),
                code: run.code,
                tail: run.error_tail(),
            })
        }
    }
}

/// The CLI configuration file terraform should use: the project's, or, when
/// `INFRA_PROVIDER_MIRROR` is set, a copy under `home` pointing at that mirror.
pub fn cli_config(
    project_rc: &Path,
    mirror: Option<&Path>,
    home: &Path,
) -> Result<PathBuf, TerraformError> {
    let Some(mirror) = mirror else {
        return Ok(project_rc.to_path_buf());
    };
    let path = home.join("terraform.rc");
    let text = format!(
        "# Written by infra: the project's terraform.rc with INFRA_PROVIDER_MIRROR.\n\
         provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }}\n  direct {{\n    exclude = [\"registry.terraform.io/hashicorp/aws\"]\n  }}\n}}\n",
        mirror.display()
    );
    std::fs::create_dir_all(home).map_err(|source| TerraformError::Io {
        path: home.to_path_buf(),
        source,
    })?;
    std::fs::write(&path, text).map_err(|source| TerraformError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The provider mirror named in a terraform.rc (`path = "..."` inside `filesystem_mirror`).
pub fn mirror_in_rc(text: &str) -> Option<PathBuf> {
    let start = text.find("filesystem_mirror")?;
    text[start..]
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("path"))
        .and_then(|l| l.split('"').nth(1))
        .map(PathBuf::from)
}

/// Parse `terraform output -json` into name → value.
pub fn parse_outputs(
    text: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, TerraformError> {
    let v: serde_json::Value = serde_json::from_str(text.trim()).map_err(|e| {
        TerraformError::Output(format!(
            "`terraform output -json` printed something else: {e}"
        ))
    })?;
    let obj = v.as_object().cloned().unwrap_or_default();
    Ok(obj
        .into_iter()
        .map(|(k, v)| {
            (
                k,
                v.get("value").cloned().unwrap_or(serde_json::Value::Null),
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_counts_changes_resources_and_errors() {
        let mut s = Stream::default();
        let lines = [
            r#"{"type":"planned_change","change":{"resource":{"addr":"aws_s3_bucket.this"},"action":"create"}}"#,
            r#"{"type":"change_summary","changes":{"add":2,"change":1,"import":0,"remove":3,"operation":"plan"}}"#,
            r#"{"type":"apply_complete","hook":{"resource":{"addr":"aws_s3_bucket.this"},"action":"create"}}"#,
            r#"{"type":"apply_complete","hook":{"resource":{"addr":"data.aws_caller_identity.this"},"action":"read"}}"#,
            r#"{"type":"diagnostic","diagnostic":{"severity":"error","summary":"boom","detail":"line1\nline2"}}"#,
            r#"{"type":"diagnostic","diagnostic":{"severity":"warning","summary":"meh"}}"#,
            "not json",
        ];
        assert_eq!(lines.len(), 7);
        let events: Vec<Event> = lines.iter().map(|l| s.feed(l)).collect();
        assert_eq!(events[2], Event::ResourceDone);
        assert_eq!(
            s.changes,
            Some(Changes {
                add: 2,
                change: 1,
                destroy: 3
            })
        );
        assert_eq!(
            s.planned,
            vec![("create".into(), "aws_s3_bucket.this".into())]
        );
        assert_eq!(s.applied, 1);
        assert_eq!(s.errors, vec!["Error: boom\n  line1\n  line2".to_string()]);
    }

    #[test]
    fn reads_mirror_and_outputs() {
        let rc = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure/terraform.rc"),
        )
        .unwrap();
        assert_eq!(mirror_in_rc(&rc), Some(PathBuf::from("/opt/tf-plugins")));
        let out =
            parse_outputs(r#"{"a":{"sensitive":false,"type":"string","value":"x"}}"#).unwrap();
        assert_eq!(out["a"], "x");
        assert!(parse_outputs("oops").is_err());
    }

    #[test]
    fn generated_cli_config_points_at_the_mirror() {
        let dir = tempfile::tempdir().unwrap();
        let p = cli_config(
            Path::new("/x/terraform.rc"),
            Some(Path::new("/m")),
            dir.path(),
        )
        .unwrap();
        let text = std::fs::read_to_string(p).unwrap();
        assert_eq!(mirror_in_rc(&text), Some(PathBuf::from("/m")));
        assert_eq!(
            cli_config(Path::new("/x/terraform.rc"), None, dir.path()).unwrap(),
            PathBuf::from("/x/terraform.rc")
        );
    }
}
