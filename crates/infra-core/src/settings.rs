//! Resolved settings: command-line flags, environment variables and the
//! repository layout, merged once at start-up.

use std::path::{Path, PathBuf};

use crate::error::SettingsError;

/// Where the stacks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Local,
    Aws,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Local => "local",
            Target::Aws => "aws",
        }
    }
}

/// How much the printer says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    Quiet,
    Normal,
    Verbose,
    Json,
}

/// The flags common to every command, as given by the caller.
#[derive(Debug, Clone)]
pub struct GlobalFlags {
    pub env: String,
    pub regions: Vec<String>,
    pub target: Target,
    pub json: bool,
    pub quiet: bool,
    pub verbose: bool,
    pub parallelism: usize,
}

/// Everything a command needs to know about where and how to run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Repository root (holds `infrastructure/`, `emulator/`).
    pub root: PathBuf,
    /// `<root>/infrastructure`.
    pub infrastructure: PathBuf,
    /// Where infra writes (`INFRA_HOME`, default `<root>/.infra`).
    pub home: PathBuf,
    pub env: String,
    /// Regions given with `--region`; empty means all regions of the environment.
    pub regions: Vec<String>,
    pub target: Target,
    pub mode: OutputMode,
    pub parallelism: usize,
    /// `INFRA_PROVIDER_MIRROR`.
    pub provider_mirror: Option<PathBuf>,
    /// `INFRA_LOCAL_ENDPOINT`.
    pub local_endpoint: Option<String>,
    /// The terraform executable (`INFRA_TERRAFORM`, default `terraform` on PATH).
    pub terraform_bin: String,
}

impl Settings {
    /// Merge flags with the process environment.
    pub fn resolve(flags: &GlobalFlags) -> Result<Self, SettingsError> {
        let cwd = std::env::current_dir().map_err(SettingsError::Cwd)?;
        Self::resolve_with(flags, &cwd, &|k| std::env::var(k).ok())
    }

    /// Merge flags with an explicit environment lookup (testable).
    pub fn resolve_with(
        flags: &GlobalFlags,
        cwd: &Path,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, SettingsError> {
        if flags.parallelism == 0 {
            return Err(SettingsError::Parallelism);
        }
        let nonempty = |k: &str| var(k).filter(|v| !v.trim().is_empty());
        let (root, infrastructure) = match nonempty("INFRA_ROOT") {
            Some(r) => root_from_env(&absolute(cwd, Path::new(&r)))?,
            None => find_root(cwd)?,
        };
        let home = match nonempty("INFRA_HOME") {
            Some(h) => absolute(cwd, Path::new(&h)),
            None => root.join(".infra"),
        };
        let mode = if flags.json {
            OutputMode::Json
        } else if flags.quiet {
            OutputMode::Quiet
        } else if flags.verbose {
            OutputMode::Verbose
        } else {
            OutputMode::Normal
        };
        let regions = flags
            .regions
            .iter()
            .flat_map(|r| r.split(','))
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        Ok(Settings {
            root,
            infrastructure,
            home,
            env: flags.env.clone(),
            regions,
            target: flags.target,
            mode,
            parallelism: flags.parallelism,
            provider_mirror: nonempty("INFRA_PROVIDER_MIRROR")
                .map(|p| absolute(cwd, Path::new(&p))),
            local_endpoint: nonempty("INFRA_LOCAL_ENDPOINT")
                .map(|e| e.trim_end_matches('/').to_string()),
            terraform_bin: nonempty("INFRA_TERRAFORM").unwrap_or_else(|| "terraform".to_string()),
        })
    }

    pub fn environments_dir(&self) -> PathBuf {
        self.infrastructure.join("environments")
    }
    pub fn stacks_dir(&self) -> PathBuf {
        self.infrastructure.join("stacks")
    }
    pub fn stacks_file(&self) -> PathBuf {
        self.stacks_dir().join("stacks.toml")
    }
    pub fn project_cli_config(&self) -> PathBuf {
        self.infrastructure.join("terraform.rc")
    }
    /// `<home>/<target>`.
    pub fn target_home(&self) -> PathBuf {
        self.home.join(self.target.as_str())
    }
    pub fn work_dir(&self, stack_id: &str) -> PathBuf {
        self.target_home().join("work").join(stack_id)
    }
    pub fn log_file(&self, stack_id: &str) -> PathBuf {
        self.target_home()
            .join("logs")
            .join(format!("{stack_id}.log"))
    }
    pub fn local_state_file(&self, stack_id: &str) -> PathBuf {
        self.target_home()
            .join("state")
            .join(format!("{stack_id}.tfstate"))
    }
    pub fn emulator_home(&self) -> PathBuf {
        self.home.join("emulator")
    }
    pub fn emulator_src(&self) -> PathBuf {
        self.root.join("emulator").join("src")
    }
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

/// `INFRA_ROOT` may name the repository root or its `infrastructure/` directory.
fn root_from_env(root: &Path) -> Result<(PathBuf, PathBuf), SettingsError> {
    if root.join("infrastructure/stacks/stacks.toml").is_file() {
        Ok((root.to_path_buf(), root.join("infrastructure")))
    } else if root.join("stacks/stacks.toml").is_file() {
        let parent = root.parent().unwrap_or(root).to_path_buf();
        Ok((parent, root.to_path_buf()))
    } else {
        Err(SettingsError::BadRoot(root.to_path_buf()))
    }
}

fn find_root(cwd: &Path) -> Result<(PathBuf, PathBuf), SettingsError> {
    cwd.ancestors()
        .find(|d| d.join("infrastructure/stacks/stacks.toml").is_file())
        .map(|d| (d.to_path_buf(), d.join("infrastructure")))
        .ok_or_else(|| SettingsError::RootNotFound(cwd.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags() -> GlobalFlags {
        GlobalFlags {
            env: "dev".into(),
            regions: vec!["us-east-1, us-west-2".into()],
            target: Target::Local,
            json: false,
            quiet: false,
            verbose: true,
            parallelism: 4,
        }
    }

    #[test]
    fn finds_root_upwards_and_defaults_home() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("infrastructure/stacks")).unwrap();
        std::fs::write(dir.path().join("infrastructure/stacks/stacks.toml"), "").unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        let s = Settings::resolve_with(&flags(), &deep, &|_| None).unwrap();
        assert_eq!(s.root, dir.path());
        assert_eq!(s.home, dir.path().join(".infra"));
        assert_eq!(s.regions, vec!["us-east-1", "us-west-2"]);
        assert_eq!(s.mode, OutputMode::Verbose);
        assert_eq!(
            s.work_dir("dev-us-east-1-network"),
            dir.path().join(".infra/local/work/dev-us-east-1-network")
        );
    }

    #[test]
    fn infra_root_may_be_the_infrastructure_dir_and_bad_root_fails() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("infrastructure/stacks")).unwrap();
        std::fs::write(dir.path().join("infrastructure/stacks/stacks.toml"), "").unwrap();
        let infra = dir.path().join("infrastructure").display().to_string();
        let s = Settings::resolve_with(&flags(), Path::new("/"), &|k| {
            (k == "INFRA_ROOT").then(|| infra.clone())
        })
        .unwrap();
        assert_eq!(s.infrastructure, dir.path().join("infrastructure"));
        let err = Settings::resolve_with(&flags(), Path::new("/"), &|k| {
            (k == "INFRA_ROOT").then(|| "/nonexistent".to_string())
        })
        .unwrap_err();
        assert!(matches!(err, SettingsError::BadRoot(_)));
    }
}
