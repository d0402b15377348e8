//! The stack graph (`stacks.toml`) against the real stack directories: every
//! layer has a directory, every input is a declared variable of its stack,
//! every referenced or summarised output is declared by the stack that should
//! produce it, and every variable without a default is fed by infra. Catches
//! wiring mistakes without running terraform.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use infra_core::graph::{parse_ref, StackGraphDef};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure/stacks")
}

/// `(name, has_default)` of every `kind "name" {` block in the directory's .tf files.
fn blocks(dir: &Path, kind: &str) -> Vec<(String, bool)> {
    let mut found = vec![];
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tf"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let prefix = format!("{kind} \"");
            if let Some(rest) = line.strip_prefix(&prefix) {
                let name = rest.split('"').next().unwrap().to_string();
                // the block ends at the first line that is exactly "}"
                let has_default = lines[i + 1..]
                    .iter()
                    .take_while(|l| **l != "}")
                    .any(|l| l.trim_start().starts_with("default "));
                found.push((name, has_default));
            }
        }
    }
    found
}

fn names(dir: &Path, kind: &str) -> BTreeSet<String> {
    blocks(dir, kind).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn stacks_toml_matches_the_stack_directories() {
    let graph = StackGraphDef::load(&root().join("stacks.toml")).expect("stacks.toml parses");
    assert!(!graph.stacks.is_empty());
    let mut problems = vec![];
    for stack in &graph.stacks {
        let dir = root().join(&stack.layer);
        if !dir.join("main.tf").is_file() {
            problems.push(format!("{}: no {}/main.tf", stack.layer, dir.display()));
            continue;
        }
        let vars = names(&dir, "variable");
        for var in stack.inputs.keys() {
            if !vars.contains(var) {
                problems.push(format!("{}: input `{var}` is not a variable", stack.layer));
            }
        }
        for (var, has_default) in blocks(&dir, "variable") {
            let fed = var == "environment" || var == "region" || stack.inputs.contains_key(&var);
            if !fed && !has_default {
                problems.push(format!(
                    "{}: variable `{var}` has no default and infra does not feed it",
                    stack.layer
                ));
            }
        }
        let outputs = names(&dir, "output");
        for out in &stack.summary_outputs {
            if !outputs.contains(out) {
                problems.push(format!(
                    "{}: summary output `{out}` is not declared",
                    stack.layer
                ));
            }
        }
        for (var, reference) in &stack.inputs {
            let r = parse_ref(reference, true)
                .unwrap_or_else(|| panic!("{}: bad reference {reference}", stack.layer));
            let up_outputs = names(&root().join(&r.layer), "output");
            let out = r.output.expect("inputs name an output");
            if !up_outputs.contains(&out) {
                problems.push(format!(
                    "{}: input `{var}` reads `{}.{out}`, which {} does not declare",
                    stack.layer, r.layer, r.layer
                ));
            }
        }
    }
    // Bootstrap's outputs are what infra reads for every backend.
    let boot = names(&root().join("bootstrap"), "output");
    for needed in ["state_bucket_name", "state_kms_key_arn"] {
        if !boot.contains(needed) {
            problems.push(format!("bootstrap: `{needed}` output missing"));
        }
    }
    assert!(
        problems.is_empty(),
        "wiring problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_wiring_check_sees_a_missing_output() {
    // Control: the parser finds declared outputs and would miss an undeclared one.
    let outs = names(&root().join("network"), "output");
    assert!(outs.contains("vpc_id"));
    assert!(!outs.contains("no_such_output"));
    let vars = blocks(&root().join("audit"), "variable");
    assert!(vars.iter().any(|(n, d)| n == "config_role_arn" && *d));
    assert!(vars.iter().any(|(n, d)| n == "audit_bucket_name" && !*d));
}
