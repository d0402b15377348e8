//! The sizing floor of production, as data: `infrastructure/environments/rules/production.toml`.
//! Every production environment file must meet each entry before any
//! terraform runs; the layers' modules enforce the same floors again as
//! preconditions, so a stack run by hand is held to them too.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::envdata::{EnvFile, Tier};
use crate::rules::Violation;

/// One floor: a field (dotted path into the environment document) and what
/// it must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimum {
    /// Dotted path, e.g. `postgres.multi_az` or `eks.node_groups.system.min_size`.
    pub field: String,
    /// The value must be a number >= this (or an array with at least this many items).
    #[serde(default)]
    pub at_least: Option<f64>,
    /// The value must equal this exactly.
    #[serde(default)]
    pub equals: Option<toml::Value>,
    /// Why production needs it; shown with the violation.
    pub why: String,
    /// An absent section is allowed (the layer is not deployed in that environment).
    #[serde(default)]
    pub optional_section: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimums {
    #[serde(default, rename = "minimum")]
    pub minimums: Vec<Minimum>,
    #[serde(skip)]
    pub path: PathBuf,
}

impl Minimums {
    /// The file next to the environment files; absent means no floors.
    pub fn load(env_dir: &Path) -> Result<Self, String> {
        let path = env_dir.join("rules/production.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(format!("cannot read `{}`: {e}", path.display())),
        };
        Self::parse(&text, &path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, String> {
        let mut m: Minimums =
            toml::from_str(text).map_err(|e| format!("`{}`: {e}", path.display()))?;
        for entry in &m.minimums {
            if entry.at_least.is_some() == entry.equals.is_some() {
                return Err(format!(
                    "`{}`: minimum for `{}` needs exactly one of `at_least` or `equals`",
                    path.display(),
                    entry.field
                ));
            }
        }
        m.path = path.to_path_buf();
        Ok(m)
    }

    /// Violations of one environment (only production environments are held to them).
    pub fn check(&self, env: &EnvFile) -> Vec<Violation> {
        if env.data.tier != Tier::Production {
            return vec![];
        }
        self.minimums
            .iter()
            .filter_map(|m| check_one(m, env))
            .collect()
    }
}

fn lookup<'a>(doc: &'a Value, field: &str) -> Option<&'a Value> {
    field.split('.').try_fold(doc, |v, key| v.get(key))
}

fn check_one(m: &Minimum, env: &EnvFile) -> Option<Violation> {
    let section = m.field.split('.').next().unwrap_or_default();
    let violation = |message: String, fix: String| {
        Some(Violation {
            file: env.path.clone(),
            field: m.field.clone(),
            message: format!("{message} ({})", m.why),
            fix,
        })
    };
    let Some(value) = lookup(&env.raw, &m.field) else {
        if m.optional_section && env.raw.get(section).is_none() {
            return None;
        }
        return violation(
            "is missing but a production environment must set it".into(),
            expected(m),
        );
    };
    if let Some(min) = m.at_least {
        let actual = match value {
            Value::Number(n) => n.as_f64(),
            Value::Array(a) => Some(a.len() as f64),
            _ => None,
        };
        return match actual {
            Some(a) if a >= min => None,
            Some(a) => violation(
                format!("is {a} but a production environment needs at least {min}"),
                expected(m),
            ),
            None => violation(format!("is {value}, not a number"), expected(m)),
        };
    }
    let want = m
        .equals
        .as_ref()
        .and_then(|t| serde_json::to_value(t).ok())?;
    if *value == want || (value.as_f64().is_some() && value.as_f64() == want.as_f64()) {
        None
    } else {
        violation(
            format!("is {value} but a production environment needs {want}"),
            expected(m),
        )
    }
}

fn expected(m: &Minimum) -> String {
    match (&m.at_least, &m.equals) {
        (Some(n), _) => format!("set `{}` to at least {n}", m.field),
        (_, Some(v)) => format!(
            "set `{}` to {}",
            m.field,
            serde_json::to_value(v)
                .map(|v| v.to_string())
                .unwrap_or_default()
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prod_with(patch: impl FnOnce(&mut Value)) -> EnvFile {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../infrastructure/environments/prod.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut raw: Value = serde_json::from_str(&text).unwrap();
        patch(&mut raw);
        EnvFile {
            name: "prod".into(),
            path,
            data: serde_json::from_value(raw.clone()).unwrap(),
            raw,
        }
    }

    const RULES: &str = r#"
[[minimum]]
field = "postgres.multi_az"
equals = true
why = "a standby in another AZ"

[[minimum]]
field = "postgres.replica_count"
at_least = 1
why = "reads scale out"

[[minimum]]
field = "eks.endpoint_public_access_cidrs"
equals = []
why = "private endpoint"

[[minimum]]
field = "clickhouse.keepers"
at_least = 3
why = "keeper quorum"
optional_section = true
"#;

    fn rules() -> Minimums {
        Minimums::parse(RULES, Path::new("production.toml")).unwrap()
    }

    #[test]
    fn repository_floors_parse_and_prod_meets_them() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure/environments");
        let m = Minimums::load(&dir).unwrap();
        assert!(!m.minimums.is_empty(), "production.toml has floors");
        let v = m.check(&prod_with(|_| {}));
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn equals_and_at_least_catch_a_smaller_prod() {
        let env = prod_with(|raw| {
            raw["postgres"]["multi_az"] = Value::Bool(false);
            raw["postgres"]["replica_count"] = Value::from(0);
            raw["eks"]["endpoint_public_access_cidrs"] = serde_json::json!(["0.0.0.0/0"]);
        });
        let fields: Vec<String> = rules().check(&env).into_iter().map(|v| v.field).collect();
        assert_eq!(
            fields,
            [
                "postgres.multi_az",
                "postgres.replica_count",
                "eks.endpoint_public_access_cidrs"
            ]
        );
    }

    #[test]
    fn missing_field_is_a_violation_unless_the_section_is_optional_and_absent() {
        let env = prod_with(|raw| {
            raw["postgres"].as_object_mut().unwrap().remove("multi_az");
            raw.as_object_mut().unwrap().remove("clickhouse");
        });
        let v = rules().check(&env);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].message.contains("missing"));
        let env = prod_with(|raw| {
            raw["clickhouse"].as_object_mut().unwrap().remove("keepers");
        });
        assert_eq!(rules().check(&env)[0].field, "clickhouse.keepers");
    }

    #[test]
    fn non_production_is_not_held_to_the_floor() {
        let mut env = prod_with(|raw| raw["postgres"]["multi_az"] = Value::Bool(false));
        env.data.tier = Tier::NonProduction;
        assert!(rules().check(&env).is_empty());
    }

    #[test]
    fn an_entry_needs_exactly_one_condition() {
        let bad = "[[minimum]]\nfield = \"a.b\"\nwhy = \"x\"\n";
        assert!(Minimums::parse(bad, Path::new("p.toml"))
            .unwrap_err()
            .contains("exactly one"));
    }
}
