//! The library behind the `infra` CLI: settings, environment data and its
//! rules, the stack graph, the terraform runner, the parallel executor, the
//! local emulator and the printer.

pub mod emulator;
pub mod envdata;
pub mod error;
pub mod executor;
pub mod graph;
pub mod minimums;
pub mod ops;
pub mod printer;
pub mod rules;
pub mod settings;
pub mod terraform;
