//! Error types of the library. Each enum is either the user's mistake
//! (invalid input, exit code 3) or an unexpected failure (exit code 1);
//! [`is_invalid_input`] makes that split for the binary.

use std::path::PathBuf;

use thiserror::Error;

/// Problems finding the repository or reading the caller's settings.
#[derive(Debug, Error)]
pub enum SettingsError {
    #[error("`INFRA_ROOT` is set to `{0}`, which holds neither `infrastructure/stacks/stacks.toml` nor `stacks/stacks.toml`; point it at the repository root")]
    BadRoot(PathBuf),
    #[error("no `infrastructure/stacks/stacks.toml` found in `{0}` or any parent directory; run `infra` inside the repository or set `INFRA_ROOT`")]
    RootNotFound(PathBuf),
    #[error("`--parallelism` must be at least 1")]
    Parallelism,
    #[error("cannot read the current directory: {0}")]
    Cwd(std::io::Error),
}

/// Problems with the environment data (`infrastructure/environments/*.json`).
#[derive(Debug, Error)]
pub enum EnvDataError {
    #[error("unknown environment `{name}`; known environments: {known} (files in `{dir}`)")]
    UnknownEnvironment {
        name: String,
        known: String,
        dir: PathBuf,
    },
    #[error("unknown region `{region}` for environment `{env}`: `{file}` field `regions` lists {known}; pass one of them to `--region` or add the region to the file")]
    UnknownRegion {
        env: String,
        region: String,
        known: String,
        file: PathBuf,
    },
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{path}` is not valid environment data: {message}\n  fix the field named above (see `docs/stack-contract.md`)")]
    Parse { path: PathBuf, message: String },
    #[error("no environment files (`*.json`) in `{0}`")]
    NoEnvironments(PathBuf),
    #[error("invalid environment data ({} problem{}):\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, crate::rules::format_violations(.0))]
    Invalid(Vec<crate::rules::Violation>),
}

/// Problems with the stack graph (`infrastructure/stacks/stacks.toml`).
#[derive(Debug, Error)]
pub enum GraphError {
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{path}` is not a valid stack graph: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("`stacks.toml`: stack `{layer}` input `{var}` = `{value}` is not `<layer>.<output>`, `<layer>@primary.<output>` or `<layer>@secondary.<output>`")]
    BadReference {
        layer: String,
        var: String,
        value: String,
    },
    #[error("`stacks.toml`: stack `{layer}` refers to unknown layer `{target}`")]
    UnknownLayer { layer: String, target: String },
    #[error("`stacks.toml`: layer `{0}` is defined twice")]
    DuplicateLayer(String),
    #[error("`stacks.toml`: stack `{layer}` uses `@secondary`, which needs exactly two regions; environment `{env}` has {count}")]
    NoSecondary {
        layer: String,
        env: String,
        count: usize,
    },
    #[error("`stacks.toml`: the stack graph has a cycle through {0}")]
    Cycle(String),
    #[error("`stacks.toml`: no region-scope stack with `backend = \"local\"` provides the state buckets")]
    NoBootstrap,
    #[error("unknown layer `{0}`; known layers: {1}")]
    UnknownStackFilter(String, String),
}

/// Other invalid input from the caller (exit code 3).
#[derive(Debug, Error)]
pub enum InvalidInput {
    #[error("destroying `{env}` needs `--confirm {env}`; nothing was changed")]
    MissingConfirmation { env: String },
    #[error("`--confirm {given}` does not match `--env {env}`; nothing was changed")]
    WrongConfirmation { env: String, given: String },
    #[error(
        "`{env}` is a production environment: its state buckets are never destroyed by infra \
         (force_destroy is off, the state history is kept); run `infra destroy --env {env} --confirm {env}` \
         without `--include-bootstrap`, then archive and delete the buckets by hand (docs/runbooks/restore.md); \
         nothing was changed"
    )]
    ProductionBootstrap { env: String },
    #[error("the AWS caller is account `{actual}`, but environment `{env}` is account `{expected}` (`{file}` field `account_id`); use credentials of account {expected}")]
    WrongAccount {
        env: String,
        expected: String,
        actual: String,
        file: PathBuf,
    },
    #[error("{0}")]
    Other(String),
}

/// Failures of the local emulator (exit code 1).
#[derive(Debug, Error)]
pub enum EmulatorError {
    #[error("no emulator is running (no healthy `{0}`); start one with `infra emulator start`, or set `INFRA_LOCAL_ENDPOINT`")]
    NotRunning(PathBuf),
    #[error("the emulator package is missing: `{0}` does not exist")]
    PackageMissing(PathBuf),
    #[error("cannot start the emulator: {0}")]
    Spawn(std::io::Error),
    #[error("the emulator did not answer `{endpoint}/infra-emulator/health` within {secs} s; last lines of `{log}`:\n{tail}")]
    Timeout {
        endpoint: String,
        secs: u64,
        log: PathBuf,
        tail: String,
    },
    #[error(
        "the emulator exited during start-up (status {status}); last lines of `{log}`:\n{tail}"
    )]
    Exited {
        status: String,
        log: PathBuf,
        tail: String,
    },
    #[error("emulator I/O on `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Failures running terraform (exit code 1).
#[derive(Debug, Error)]
pub enum TerraformError {
    #[error("`terraform` could not be started: {0}; install Terraform >= 1.11 and put it on PATH (`infra doctor`)")]
    Spawn(std::io::Error),
    #[error("cannot write `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("terraform {command} failed (exit {code}):\n{tail}")]
    Failed {
        command: String,
        code: i32,
        tail: String,
    },
    #[error("interrupted")]
    Interrupted,
    #[error("{0}")]
    Output(String),
}

/// True when the error is the caller's mistake (exit code 3) rather than a failure (exit code 1).
pub fn is_invalid_input(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.is::<SettingsError>()
            || e.is::<EnvDataError>()
            || e.is::<GraphError>()
            || e.is::<InvalidInput>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_is_detected_through_context() {
        let err = anyhow::Error::new(InvalidInput::MissingConfirmation { env: "prod".into() })
            .context("destroy");
        assert!(is_invalid_input(&err));
        let err = anyhow::Error::new(TerraformError::Interrupted);
        assert!(!is_invalid_input(&err));
    }
}
