//! Loading the policies into regorus and evaluating them over a plan.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::PolicyError;

/// One violation reported by a policy's `deny` rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, e.g. `ENC_S3`.
    pub id: String,
    /// Resource address in the plan.
    pub resource: String,
    /// What is wrong, with the address.
    #[serde(rename = "msg", alias = "message")]
    pub message: String,
    /// The Rego package that reported it (set by the engine).
    #[serde(default)]
    pub policy: String,
}

/// A rule id's description and its package (for tables and SARIF).
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub policy: String,
    pub description: String,
}

/// The policies of a directory, parsed once; evaluation clones the engine.
#[derive(Clone)]
pub struct PolicySet {
    engine: regorus::Engine,
    /// Packages with a `deny` rule, as `data.<package>`.
    packages: Vec<String>,
    pub rules: BTreeMap<String, RuleMeta>,
    pub files: Vec<PathBuf>,
}

fn rego_files(dir: &Path, tests: bool) -> Result<Vec<PathBuf>, PolicyError> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| PolicyError::Io {
            path: d.clone(),
            source,
        })?;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rego") {
                let is_test = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with("_test.rego"));
                if tests || !is_test {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// JSON data files under `dir` (fixtures), mounted as OPA does: at the path
/// of their directory relative to `dir` (the file name is not part of it).
fn data_files(dir: &Path) -> Result<Value, PolicyError> {
    let mut root = serde_json::Map::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| PolicyError::Io {
            path: d.clone(),
            source,
        })?;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|source| PolicyError::Io {
                path: p.clone(),
                source,
            })?;
            let v: Value = serde_json::from_str(&text).map_err(|e| PolicyError::Load {
                path: p.clone(),
                message: e.to_string(),
            })?;
            let rel = p
                .parent()
                .and_then(|x| x.strip_prefix(dir).ok())
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let mut node = &mut root;
            for part in rel.components() {
                let k = part.as_os_str().to_string_lossy().to_string();
                node = node
                    .entry(k)
                    .or_insert_with(|| Value::Object(Default::default()))
                    .as_object_mut()
                    .ok_or_else(|| PolicyError::Load {
                        path: p.clone(),
                        message: "data path collides with a value".into(),
                    })?;
            }
            if let Value::Object(m) = v {
                node.extend(m);
            }
        }
    }
    Ok(Value::Object(root))
}

fn new_engine(files: &[PathBuf]) -> Result<regorus::Engine, PolicyError> {
    let mut engine = regorus::Engine::new();
    // Policies are Rego v1 through `import rego.v1`, which OPA 0.x and 1.x both accept.
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|source| PolicyError::Io {
            path: f.clone(),
            source,
        })?;
        engine
            .add_policy(f.display().to_string(), text)
            .map_err(|e| PolicyError::Load {
                path: f.clone(),
                message: format!("{e:#}"),
            })?;
    }
    Ok(engine)
}

fn to_json(v: &regorus::Value) -> Result<Value, String> {
    let s = v.to_json_str().map_err(|e| e.to_string())?;
    serde_json::from_str(&s).map_err(|e| e.to_string())
}

fn from_json(v: &Value) -> Result<regorus::Value, String> {
    regorus::Value::from_json_str(&v.to_string()).map_err(|e| e.to_string())
}

impl PolicySet {
    /// Load every `*.rego` under `dir` except the `*_test.rego` files.
    pub fn load(dir: &Path) -> Result<Self, PolicyError> {
        let files = rego_files(dir, false)?;
        if files.is_empty() {
            return Err(PolicyError::NoPolicies(dir.to_path_buf()));
        }
        let mut engine = new_engine(&files)?;
        let mut packages: Vec<String> = engine
            .get_packages()
            .map_err(|e| PolicyError::Load {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?
            .into_iter()
            .filter(|p| !p.starts_with("data.lib."))
            .collect();
        packages.sort();
        packages.dedup();
        let mut rules = BTreeMap::new();
        for pkg in &packages {
            let r = engine
                .eval_rule(format!("{pkg}.rules"))
                .unwrap_or(regorus::Value::Undefined);
            let policy = pkg.trim_start_matches("data.").to_string();
            if let Ok(Value::Object(m)) = to_json(&r) {
                for (id, d) in m {
                    rules.insert(
                        id.clone(),
                        RuleMeta {
                            id,
                            policy: policy.clone(),
                            description: d.as_str().unwrap_or_default().to_string(),
                        },
                    );
                }
            }
        }
        Ok(PolicySet {
            engine,
            packages,
            rules,
            files,
        })
    }

    /// The policy packages (without `data.`).
    pub fn packages(&self) -> Vec<String> {
        self.packages
            .iter()
            .map(|p| p.trim_start_matches("data.").to_string())
            .collect()
    }

    /// Evaluate every package's `deny` over one plan document.
    pub fn evaluate(&self, plan: &Value) -> Result<Vec<Finding>, PolicyError> {
        let mut engine = self.engine.clone();
        let input = from_json(plan).map_err(|message| PolicyError::Eval {
            rule: "input".into(),
            message,
        })?;
        engine.set_input(input);
        let mut out = vec![];
        for pkg in &self.packages {
            let rule = format!("{pkg}.deny");
            let v = engine
                .eval_rule(rule.clone())
                .map_err(|e| PolicyError::Eval {
                    rule: rule.clone(),
                    message: format!("{e:#}"),
                })?;
            if v == regorus::Value::Undefined {
                continue;
            }
            let j = to_json(&v).map_err(|message| PolicyError::Eval {
                rule: rule.clone(),
                message,
            })?;
            for item in j.as_array().cloned().unwrap_or_default() {
                let mut f: Finding =
                    serde_json::from_value(item.clone()).map_err(|e| PolicyError::Eval {
                        rule: rule.clone(),
                        message: format!("a deny entry is not {{id, resource, msg}}: {item} ({e})"),
                    })?;
                f.policy = pkg.trim_start_matches("data.").to_string();
                out.push(f);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// One `test_*` rule of a `*_test.rego` file and its result.
#[derive(Debug, Clone)]
pub struct RegoTest {
    pub name: String,
    pub passed: bool,
    pub error: Option<String>,
}

/// Run the `test_*` rules of every `*_test.rego` under `dir` (as `opa test
/// dir` does), with the JSON files under `dir` loaded as data.
pub fn run_rego_tests(dir: &Path) -> Result<Vec<RegoTest>, PolicyError> {
    let files = rego_files(dir, true)?;
    let mut engine = new_engine(&files)?;
    let data = data_files(dir)?;
    engine
        .add_data(from_json(&data).map_err(|message| PolicyError::Load {
            path: dir.to_path_buf(),
            message,
        })?)
        .map_err(|e| PolicyError::Load {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
    let mut out = vec![];
    for f in files
        .iter()
        .filter(|f| f.to_string_lossy().ends_with("_test.rego"))
    {
        let text = std::fs::read_to_string(f).map_err(|source| PolicyError::Io {
            path: f.clone(),
            source,
        })?;
        let Some(pkg) = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("package ").map(str::trim))
        else {
            continue;
        };
        let mut names: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("test_"))
            .filter_map(|l| l.split(|c: char| !(c.is_alphanumeric() || c == '_')).next())
            .collect();
        names.dedup();
        for name in names {
            let full = format!("data.{pkg}.{name}");
            let (passed, error) = match engine.eval_rule(full.clone()) {
                Ok(v) => (v == regorus::Value::from(true), None),
                Err(e) => (false, Some(format!("{e:#}"))),
            };
            out.push(RegoTest {
                name: full,
                passed,
                error,
            });
        }
    }
    Ok(out)
}
