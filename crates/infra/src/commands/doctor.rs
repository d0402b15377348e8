//! `infra doctor`: is this machine ready? Each check says ok/warn/FAIL and
//! how to fix it. Exit 1 when any check fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;
use infra_core::printer::Printer;
use infra_core::settings::{Settings, Target};
use infra_core::terraform::mirror_in_rc;
use serde::Serialize;

use crate::exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Ok,
    Warn,
    Fail,
}

#[derive(Debug, Serialize)]
struct Check {
    name: &'static str,
    status: Level,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<String>,
}

fn check(name: &'static str, status: Level, detail: String, fix: Option<String>) -> Check {
    Check {
        name,
        status,
        detail,
        fix,
    }
}

fn output(cmd: &str, args: &[&str]) -> Option<std::process::Output> {
    Command::new(cmd)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .ok()
}

fn version_at_least(v: &str, major: u64, minor: u64) -> bool {
    let mut it = v
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u64>().unwrap_or(0));
    let (a, b) = (it.next().unwrap_or(0), it.next().unwrap_or(0));
    (a, b) >= (major, minor)
}

fn terraform(s: &Settings) -> Check {
    let Some(out) = output(&s.terraform_bin, &["version", "-json"]) else {
        return check(
            "terraform",
            Level::Fail,
            format!("`{}` is not on PATH", s.terraform_bin),
            Some("install Terraform >= 1.11 and put it on PATH".into()),
        );
    };
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let version = v["terraform_version"]
        .as_str()
        .unwrap_or("unknown")
        .to_string();
    if version_at_least(&version, 1, 11) {
        check("terraform", Level::Ok, format!("terraform {version}"), None)
    } else {
        check(
            "terraform",
            Level::Fail,
            format!("terraform {version} is older than 1.11"),
            Some("install Terraform >= 1.11".into()),
        )
    }
}

fn provider_mirror(s: &Settings) -> Check {
    let (mirror, from) = match &s.provider_mirror {
        Some(m) => (Some(m.clone()), "INFRA_PROVIDER_MIRROR".to_string()),
        None => (
            std::fs::read_to_string(s.project_cli_config())
                .ok()
                .as_deref()
                .and_then(mirror_in_rc),
            format!("`{}`", s.project_cli_config().display()),
        ),
    };
    let Some(mirror) = mirror else {
        return check(
            "provider mirror",
            Level::Fail,
            format!("no filesystem_mirror path in {from}"),
            Some("restore `infrastructure/terraform.rc` or set INFRA_PROVIDER_MIRROR".into()),
        );
    };
    let aws = mirror.join("registry.terraform.io/hashicorp/aws");
    let found: Option<PathBuf> = std::fs::read_dir(&aws).ok().and_then(|d| {
        d.filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("5.100."))
            })
            .map(|p| p.join("linux_amd64"))
            .find(|p| p.is_dir())
    });
    match found {
        Some(p) => check("provider mirror", Level::Ok, format!("hashicorp/aws in `{}` (from {from})", p.display()), None),
        None => check(
            "provider mirror",
            Level::Fail,
            format!("`{}` has no registry.terraform.io/hashicorp/aws/5.100.x/linux_amd64 (mirror from {from})", mirror.display()),
            Some(
                "the aws provider comes with the machine (an unpacked mirror, normally `/opt/tf-plugins`) and cannot be \
                 downloaded here; if it lives elsewhere, point INFRA_PROVIDER_MIRROR at that directory"
                    .into(),
            ),
        ),
    }
}

fn cli_config(s: &Settings) -> Check {
    let export = format!(
        "for manual terraform runs: export TF_CLI_CONFIG_FILE=\"{}\" CHECKPOINT_DISABLE=1",
        s.project_cli_config().display()
    );
    match std::env::var("TF_CLI_CONFIG_FILE") {
        Ok(v) if !Path::new(&v).is_file() => check(
            "TF_CLI_CONFIG_FILE",
            Level::Warn,
            format!("your TF_CLI_CONFIG_FILE points to `{v}`, which does not exist (infra sets its own)"),
            Some(export),
        ),
        Ok(v) => check(
            "TF_CLI_CONFIG_FILE",
            Level::Ok,
            format!("yours is `{v}`; infra uses the project's `{}`", s.project_cli_config().display()),
            None,
        ),
        Err(_) => check(
            "TF_CLI_CONFIG_FILE",
            Level::Ok,
            "not set; infra sets it to the project's file".into(),
            Some(export),
        ),
    }
}

fn checkpoint() -> Check {
    match std::env::var("CHECKPOINT_DISABLE") {
        Ok(v) if !v.is_empty() => {
            check("CHECKPOINT_DISABLE", Level::Ok, format!("set ({v})"), None)
        }
        _ => check(
            "CHECKPOINT_DISABLE",
            Level::Warn,
            "not set; infra sets it for its own runs (there is no internet for the version check)"
                .into(),
            Some("for manual terraform runs: export CHECKPOINT_DISABLE=1".into()),
        ),
    }
}

fn pinned_moto(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("emulator/requirements.txt")).ok()?;
    text.lines().map(str::trim).find_map(|l| {
        let l = l.split('#').next().unwrap_or_default().trim();
        let (name, version) = l.split_once("==")?;
        let base = name.split('[').next().unwrap_or_default().trim();
        (base.eq_ignore_ascii_case("moto")).then(|| version.trim().to_string())
    })
}

fn python_moto(s: &Settings) -> Vec<Check> {
    let python = std::env::var("INFRA_PYTHON").unwrap_or_else(|_| "python3".into());
    let Some(out) = output(
        &python,
        &[
            "-c",
            "import moto, sys; print(sys.version.split()[0], moto.__version__)",
        ],
    ) else {
        return vec![check(
            "python3",
            Level::Fail,
            format!("`{python}` is not on PATH"),
            Some("install python3".into()),
        )];
    };
    if !out.status.success() {
        return vec![
            check("python3", Level::Ok, "python3 found".into(), None),
            check(
                "moto",
                Level::Fail,
                "`import moto` failed".into(),
                Some("pip install -r emulator/requirements.txt".into()),
            ),
        ];
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let (py, moto) = (
        parts.next().unwrap_or("?").to_string(),
        parts.next().unwrap_or("?").to_string(),
    );
    let moto_check = match pinned_moto(&s.root) {
        Some(pin) if pin == moto => check(
            "moto",
            Level::Ok,
            format!("moto {moto} (pinned {pin})"),
            None,
        ),
        Some(pin) => check(
            "moto",
            Level::Fail,
            format!("moto {moto} is installed but `emulator/requirements.txt` pins {pin}"),
            Some("pip install -r emulator/requirements.txt".into()),
        ),
        None => check(
            "moto",
            Level::Warn,
            format!("moto {moto}; no pin found in `emulator/requirements.txt`"),
            None,
        ),
    };
    vec![
        check("python3", Level::Ok, format!("python {py}"), None),
        moto_check,
    ]
}

fn emulator_package(s: &Settings) -> Check {
    let pkg = s.emulator_src().join("infra_emulator");
    if pkg.join("__main__.py").is_file() || pkg.join("__init__.py").is_file() {
        check(
            "emulator package",
            Level::Ok,
            format!("`{}`", pkg.display()),
            None,
        )
    } else {
        check(
            "emulator package",
            Level::Fail,
            format!("`{}` is missing", pkg.display()),
            Some("restore `emulator/` from the repository (`git status emulator`)".into()),
        )
    }
}

/// A tool `--target aws` needs (kubectl for the Argo CD bootstrap, the AWS
/// CLI for the kubeconfig's token): a warning on the local target, where
/// nothing calls it, a failure on AWS.
fn aws_tool(s: &Settings, name: &'static str, bin: &str, args: &[&str], fix: &str) -> Check {
    let missing = if s.target == Target::Aws {
        Level::Fail
    } else {
        Level::Warn
    };
    match output(bin, args) {
        Some(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            let first = text.lines().next().unwrap_or("").trim().to_string();
            check(name, Level::Ok, format!("{bin}: {first}"), None)
        }
        _ => check(
            name,
            missing,
            format!("`{bin}` is not usable; `--target aws` needs it (the local target does not)"),
            Some(fix.to_string()),
        ),
    }
}

pub fn run(s: &Settings, p: &Printer) -> Result<i32> {
    let mut checks = vec![
        terraform(s),
        provider_mirror(s),
        cli_config(s),
        checkpoint(),
    ];
    checks.extend(python_moto(s));
    checks.push(emulator_package(s));
    checks.push(aws_tool(
        s,
        "kubectl",
        &super::gitops::kubectl_bin(),
        &["version", "--client"],
        "apt-get install -y kubectl (or set INFRA_KUBECTL): `infra gitops bootstrap` applies Argo CD with it",
    ));
    checks.push(aws_tool(
        s,
        "aws cli",
        "aws",
        &["--version"],
        "install the AWS CLI v2: the kubeconfig `infra` writes gets its EKS token from `aws eks get-token`",
    ));
    let failed = checks.iter().filter(|c| c.status == Level::Fail).count();
    if p.is_json() {
        p.json(&serde_json::json!({ "ok": failed == 0, "checks": checks }));
    } else {
        let mut text = String::new();
        for c in &checks {
            let tag = match c.status {
                Level::Ok => "ok  ",
                Level::Warn => "warn",
                Level::Fail => "FAIL",
            };
            text.push_str(&format!("{tag}  {:<20} {}\n", c.name, c.detail));
            if let Some(f) = &c.fix {
                text.push_str(&format!("      {:<20} fix: {f}\n", ""));
            }
        }
        text.push_str(&if failed == 0 {
            "all checks passed\n".to_string()
        } else {
            format!("{failed} check(s) failed\n")
        });
        p.out(&text);
    }
    Ok(if failed == 0 { exit::OK } else { exit::FAILURE })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare() {
        assert!(version_at_least("1.11.4", 1, 11));
        assert!(version_at_least("v2.0.0", 1, 11));
        assert!(!version_at_least("1.10.9", 1, 11));
    }
}
