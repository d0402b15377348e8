//! Shared helpers for the integration tests: a temporary repository copy,
//! a fake `terraform` that leaves a marker, and the `infra` command.
#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/infrastructure");

/// A temporary repository root holding a copy of the fixture `infrastructure/`,
/// its own INFRA_HOME and a `bin/` with a fake terraform.
pub struct Repo {
    pub dir: TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

pub fn write_exec(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

impl Repo {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(Path::new(FIXTURE), &dir.path().join("infrastructure"));
        // A fake terraform: records that it ran, fails like terraform does.
        write_exec(
            &dir.path().join("bin/terraform"),
            &format!(
                "#!/bin/sh\necho \"$@\" >> '{}'\necho 'Error: fake terraform refuses to run' >&2\necho '  it was called with: '\"$1 $2\" >&2\nexit 1\n",
                dir.path().join("terraform-ran").display()
            ),
        );
        Repo { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }
    pub fn env_file(&self, env: &str) -> PathBuf {
        self.root()
            .join(format!("infrastructure/environments/{env}.json"))
    }
    pub fn terraform_ran(&self) -> bool {
        self.root().join("terraform-ran").exists()
    }

    /// Edit one environment file as JSON.
    pub fn edit_env(&self, env: &str, f: impl FnOnce(&mut serde_json::Value)) {
        let path = self.env_file(env);
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }

    /// `infra` with INFRA_ROOT/INFRA_HOME here and the fake terraform first on PATH.
    pub fn infra(&self) -> Command {
        let mut cmd = Command::cargo_bin("infra").unwrap();
        let path = format!(
            "{}:{}",
            self.root().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("INFRA_ROOT", self.root())
            .env("INFRA_HOME", self.home())
            .env("PATH", path)
            .env_remove("INFRA_LOCAL_ENDPOINT")
            .env_remove("INFRA_PROVIDER_MIRROR")
            .env_remove("INFRA_TERRAFORM")
            .current_dir(self.root());
        cmd
    }

    /// A stand-in emulator package answering the health check.
    pub fn fake_emulator(&self, healthy: bool) {
        let pkg = self.root().join("emulator/src/infra_emulator");
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("__init__.py"), "").unwrap();
        let body = if healthy {
            r#"
import argparse, http.server, json
p = argparse.ArgumentParser()
p.add_argument("--host"); p.add_argument("--port", type=int)
a = p.parse_args()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/infra-emulator/health"
        self.send_response(200 if ok else 404)
        self.end_headers()
        self.wfile.write(json.dumps({"status": "ok"} if ok else {}).encode())
    def log_message(self, *args):
        pass
print("fake emulator on", a.port, flush=True)
http.server.HTTPServer((a.host, a.port), H).serve_forever()
"#
        } else {
            "import sys\nprint('fake emulator: cannot start, port in use', flush=True)\nsys.exit(4)\n"
        };
        std::fs::write(pkg.join("__main__.py"), body).unwrap();
    }
}
