//! `infra emulator start|stop|status`.

use anyhow::Result;
use infra_core::emulator as emu;
use infra_core::printer::Printer;
use infra_core::settings::Settings;

use crate::cli::{EmulatorArgs, EmulatorCommand};
use crate::exit;

pub fn run(s: &Settings, p: &Printer, a: &EmulatorArgs) -> Result<i32> {
    match a.command {
        EmulatorCommand::Start { port } => {
            if s.local_endpoint.is_some() {
                p.warn(
                    "INFRA_LOCAL_ENDPOINT is set: `up`/`plan`/`destroy` use it, not this emulator",
                );
            }
            p.info("starting the emulator ...");
            let (st, started) = emu::start(s, port)?;
            if p.is_json() {
                p.json(&serde_json::json!({
                    "endpoint": st.endpoint, "pid": st.pid, "port": st.port,
                    "started": started, "log": emu::log_file(s),
                }));
            } else {
                let verb = if started {
                    "started"
                } else {
                    "already running"
                };
                p.out(&format!(
                    "emulator {verb}: {} (pid {}, log {})\nstop it with `infra emulator stop`",
                    st.endpoint,
                    st.pid,
                    emu::log_file(s).display()
                ));
            }
            Ok(exit::OK)
        }
        EmulatorCommand::Stop => {
            let stopped = emu::stop(s)?;
            if p.is_json() {
                p.json(&serde_json::json!({ "stopped": stopped.is_some(), "pid": stopped.as_ref().map(|st| st.pid) }));
            } else {
                match stopped {
                    Some(st) => p.out(&format!(
                        "emulator stopped (pid {}, {})",
                        st.pid, st.endpoint
                    )),
                    None => p.out("no managed emulator was running"),
                }
            }
            Ok(exit::OK)
        }
        EmulatorCommand::Status => {
            let st = emu::status(s);
            if p.is_json() {
                p.json(&st);
            } else if st.running {
                p.out(&format!(
                    "emulator running: {} (pid {}), health {}\nlog: {}",
                    st.endpoint.clone().unwrap_or_default(),
                    st.pid.unwrap_or_default(),
                    if st.healthy { "ok" } else { "FAIL" },
                    st.log.display()
                ));
            } else {
                p.out("emulator not running; start it with `infra emulator start`");
            }
            Ok(if st.running && st.healthy {
                exit::OK
            } else {
                exit::FAILURE
            })
        }
    }
}
