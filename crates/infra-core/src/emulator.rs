//! The local AWS emulator (`python3 -m infra_emulator`): start, stop, status
//! and the endpoint that `--target local` uses.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::EmulatorError;
use crate::settings::Settings;

/// Seconds `start` waits for the health check.
pub const START_TIMEOUT_SECS: u64 = 60;
pub const HEALTH_PATH: &str = "/infra-emulator/health";

/// `<home>/emulator/state.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub pid: i32,
    pub port: u16,
    pub endpoint: String,
}

/// What `status` found.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub running: bool,
    pub healthy: bool,
    pub pid: Option<i32>,
    pub endpoint: Option<String>,
    pub log: PathBuf,
    pub state_file: PathBuf,
}

pub fn state_file(s: &Settings) -> PathBuf {
    s.emulator_home().join("state.json")
}
pub fn log_file(s: &Settings) -> PathBuf {
    s.emulator_home().join("emulator.log")
}

/// A minimal HTTP/1.0 GET: returns status code and body.
pub fn http_get(endpoint: &str, path: &str, timeout: Duration) -> std::io::Result<(u16, String)> {
    let hostport = endpoint
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let addr = hostport
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| std::io::Error::other(format!("cannot resolve `{hostport}`")))?;
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    // One write: an unbuffered `write!` may send the request in pieces.
    let request = format!("GET {path} HTTP/1.0\r\nHost: {hostport}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes())?;
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("not an HTTP response"))?;
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Ok((code, body))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

pub fn healthy(endpoint: &str) -> bool {
    matches!(
        http_get(endpoint, HEALTH_PATH, Duration::from_secs(2)),
        Ok((200, _))
    )
}

fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    pid > 0 && unsafe { libc::kill(pid, 0) } == 0
}

pub fn read_state(s: &Settings) -> Option<State> {
    let text = std::fs::read_to_string(state_file(s)).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn status(s: &Settings) -> Status {
    let state = read_state(s);
    let running = state.as_ref().is_some_and(|st| alive(st.pid));
    let healthy = running && state.as_ref().is_some_and(|st| healthy(&st.endpoint));
    Status {
        running,
        healthy,
        pid: state.as_ref().map(|st| st.pid),
        endpoint: state.map(|st| st.endpoint),
        log: log_file(s),
        state_file: state_file(s),
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Last `n` lines of a file (for error messages).
pub fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Start the emulator (or return the healthy one already running).
/// Returns the state and whether this call started it.
pub fn start(s: &Settings, port: Option<u16>) -> Result<(State, bool), EmulatorError> {
    if let Some(st) = read_state(s) {
        if alive(st.pid) && healthy(&st.endpoint) {
            return Ok((st, false));
        }
    }
    let package = s.emulator_src().join("infra_emulator");
    if !package.is_dir() {
        return Err(EmulatorError::PackageMissing(package));
    }
    let home = s.emulator_home();
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EmulatorError::Io { path, source }
    };
    std::fs::create_dir_all(&home).map_err(io(&home))?;
    let port = match port {
        Some(p) => p,
        None => free_port().map_err(EmulatorError::Spawn)?,
    };
    let log = log_file(s);
    let out = std::fs::File::create(&log).map_err(io(&log))?;
    let err = out.try_clone().map_err(io(&log))?;
    let python = std::env::var("INFRA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut cmd = Command::new(python);
    cmd.args([
        "-m",
        "infra_emulator",
        "--host",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ])
    .env("PYTHONPATH", s.emulator_src())
    .current_dir(&home)
    .stdin(Stdio::null())
    .stdout(out)
    .stderr(err);
    // SAFETY: setsid is async-signal-safe; it detaches the emulator into its
    // own session so that it outlives infra and a terminal's Ctrl-C.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(EmulatorError::Spawn)?;
    let state = State {
        pid: child.id() as i32,
        port,
        endpoint: format!("http://127.0.0.1:{port}"),
    };
    let sf = state_file(s);
    let json = serde_json::to_string_pretty(&state).unwrap_or_default();
    std::fs::write(&sf, json).map_err(io(&sf))?;

    let secs = std::env::var("INFRA_EMULATOR_START_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(START_TIMEOUT_SECS);
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Ok(Some(code)) = child.try_wait() {
            let _ = std::fs::remove_file(&sf);
            return Err(EmulatorError::Exited {
                status: code.to_string(),
                log: log.clone(),
                tail: tail(&log, 20),
            });
        }
        if healthy(&state.endpoint) {
            return Ok((state, true));
        }
        if Instant::now() > deadline {
            kill_group(state.pid);
            let _ = std::fs::remove_file(&sf);
            return Err(EmulatorError::Timeout {
                endpoint: state.endpoint,
                secs,
                log: log.clone(),
                tail: tail(&log, 20),
            });
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn kill_group(pid: i32) {
    if pid <= 0 {
        return;
    }
    // SAFETY: the emulator leads its own session and process group.
    unsafe {
        libc::kill(-pid, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while alive(pid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    if alive(pid) {
        // SAFETY: as above.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

/// Stop the managed emulator; returns the state it had, if any.
pub fn stop(s: &Settings) -> Result<Option<State>, EmulatorError> {
    let Some(st) = read_state(s) else {
        return Ok(None);
    };
    if alive(st.pid) {
        kill_group(st.pid);
    }
    let sf = state_file(s);
    std::fs::remove_file(&sf).map_err(|source| EmulatorError::Io { path: sf, source })?;
    Ok(Some(st))
}

/// Where the local target's endpoint comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointSource {
    /// `INFRA_LOCAL_ENDPOINT`.
    Variable,
    /// A managed emulator that was already running.
    Running,
    /// Started by this command (and left running).
    Started,
}

/// The endpoint for `--target local`: `INFRA_LOCAL_ENDPOINT`, a healthy
/// managed emulator, or (only when `may_start`) a newly started one.
pub fn endpoint(s: &Settings, may_start: bool) -> Result<(String, EndpointSource), EmulatorError> {
    if let Some(e) = &s.local_endpoint {
        return Ok((e.clone(), EndpointSource::Variable));
    }
    if let Some(st) = read_state(s) {
        if alive(st.pid) && healthy(&st.endpoint) {
            return Ok((st.endpoint, EndpointSource::Running));
        }
    }
    if !may_start {
        return Err(EmulatorError::NotRunning(state_file(s)));
    }
    let (st, _) = start(s, None)?;
    Ok((st.endpoint, EndpointSource::Started))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_get_reads_status_and_body() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut c, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.ends_with(b"\r\n\r\n") {
                let n = c.read(&mut buf).unwrap();
                assert!(n > 0, "client closed before the end of its request");
                request.extend_from_slice(&buf[..n]);
            }
            assert!(String::from_utf8_lossy(&request).starts_with("GET /infra-emulator/health "));
            c.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"ok\":true}")
                .unwrap();
        });
        let (code, body) = http_get(
            &format!("http://127.0.0.1:{port}"),
            HEALTH_PATH,
            Duration::from_secs(2),
        )
        .unwrap();
        server.join().unwrap();
        assert_eq!(code, 200);
        assert_eq!(body, "{\"ok\":true}");
        assert!(!healthy(&format!("http://127.0.0.1:{port}")));
    }

    #[test]
    fn dechunks() {
        assert_eq!(dechunk("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"), "abcde");
    }
}
