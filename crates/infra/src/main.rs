//! `infra`: deploys the platform's Terraform stack graph.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;

/// Exit codes (also in `infra --help`).
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const CHANGES: i32 = 2;
    pub const INVALID: i32 = 3;
    pub const INTERRUPTED: i32 = 130;
}

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => exit::OK,
                _ => exit::INVALID,
            };
            let _ = e.print();
            return ExitCode::from(code as u8);
        }
    };
    let json = cli.global.json;
    let code = match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let code = if infra_core::error::is_invalid_input(&err) {
                exit::INVALID
            } else {
                exit::FAILURE
            };
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "error": format!("{err:#}"), "exit_code": code })
                );
            }
            eprintln!("error: {err:#}");
            code
        }
    };
    ExitCode::from(code as u8)
}
