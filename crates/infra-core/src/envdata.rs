//! Environment data: `infrastructure/environments/<env>.json`, loaded and
//! validated before any terraform run. The rules live in [`crate::rules`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::EnvDataError;
use crate::rules;

/// `tier` of an environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    Production,
    NonProduction,
}

/// `network.nat_gateways`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NatGateways {
    None,
    Single,
    PerAz,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Github {
    pub repository: String,
    pub deploy_environment: String,
    /// An existing GitHub OIDC provider of the account; the global stack
    /// creates one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_provider_arn: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub az_count: u32,
    pub nat_gateways: NatGateways,
    #[serde(default)]
    pub interface_endpoints: Vec<String>,
    pub flow_log_retention_days: u32,
}

/// `regions.<region>.network`: any subset of [`Network`], merged over it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkOverride {
    pub az_count: Option<u32>,
    pub nat_gateways: Option<NatGateways>,
    pub interface_endpoints: Option<Vec<String>>,
    pub flow_log_retention_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Security {
    pub kms_deletion_window_days: u32,
    pub log_retention_days: u32,
    pub audit_log_retention_days: u32,
    pub guardduty: bool,
    pub config_recorder: bool,
    /// Also deliver CloudTrail to CloudWatch Logs (off by default).
    #[serde(default)]
    pub cloudtrail_cloudwatch_logs: bool,
}

/// `regions.<region>`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegionData {
    pub vpc_cidr: String,
    #[serde(default)]
    pub network: Option<NetworkOverride>,
}

/// One environment file. Unknown top-level sections are allowed (stacks may
/// read more than infra does); the sections infra knows reject unknown fields.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Environment {
    pub environment: String,
    pub project: String,
    pub owner: String,
    pub cost_center: String,
    pub primary_region: String,
    pub github: Github,
    pub account_id: String,
    pub tier: Tier,
    pub regions: BTreeMap<String, RegionData>,
    pub network: Network,
    pub security: Security,
}

impl Environment {
    /// Regions with the primary region first, then the others by name.
    pub fn region_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.regions.keys().cloned().collect();
        names.sort_by_key(|r| (r != &self.primary_region, r.clone()));
        names
    }

    /// `network` with `regions.<region>.network` merged over it.
    pub fn network_for(&self, region: &str) -> Network {
        let mut net = self.network.clone();
        if let Some(o) = self.regions.get(region).and_then(|r| r.network.as_ref()) {
            if let Some(v) = o.az_count {
                net.az_count = v;
            }
            if let Some(v) = o.nat_gateways {
                net.nat_gateways = v;
            }
            if let Some(v) = &o.interface_endpoints {
                net.interface_endpoints = v.clone();
            }
            if let Some(v) = o.flow_log_retention_days {
                net.flow_log_retention_days = v;
            }
        }
        net
    }
}

/// One environment file, loaded.
#[derive(Debug, Clone)]
pub struct EnvFile {
    pub name: String,
    pub path: PathBuf,
    pub data: Environment,
    /// The whole document, for the sections infra does not type (the layers'
    /// own settings, checked against `rules/production.toml`).
    pub raw: serde_json::Value,
}

/// All environment files of the repository.
#[derive(Debug, Clone)]
pub struct EnvSet {
    pub dir: PathBuf,
    pub files: Vec<EnvFile>,
    /// The production floors (`rules/production.toml` beside the files).
    pub minimums: crate::minimums::Minimums,
}

impl EnvSet {
    /// Read and parse every `*.json` in `dir` (sorted by name).
    pub fn load(dir: &Path) -> Result<Self, EnvDataError> {
        let entries = std::fs::read_dir(dir).map_err(|source| EnvDataError::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(EnvDataError::NoEnvironments(dir.to_path_buf()));
        }
        let files = paths
            .into_iter()
            .map(|path| load_file(&path))
            .collect::<Result<Vec<_>, _>>()?;
        let minimums =
            crate::minimums::Minimums::load(dir).map_err(|message| EnvDataError::Parse {
                path: dir.join("rules/production.toml"),
                message,
            })?;
        Ok(EnvSet {
            dir: dir.to_path_buf(),
            files,
            minimums,
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.files.iter().map(|f| f.name.clone()).collect()
    }

    pub fn get(&self, name: &str) -> Result<&EnvFile, EnvDataError> {
        self.files
            .iter()
            .find(|f| f.name == name)
            .ok_or_else(|| EnvDataError::UnknownEnvironment {
                name: name.to_string(),
                known: self.names().join(", "),
                dir: self.dir.clone(),
            })
    }

    /// Validate environment `name` (its own rules plus the CIDR plan across
    /// all files) and check the requested regions; returns the environment
    /// and the selected regions (primary first).
    pub fn select(
        &self,
        name: &str,
        regions: &[String],
    ) -> Result<(&EnvFile, Vec<String>), EnvDataError> {
        let env = self.get(name)?;
        let mut violations = rules::check_environment(env);
        violations.extend(self.minimums.check(env));
        violations.extend(rules::check_cidr_overlaps(&self.files));
        if !violations.is_empty() {
            return Err(EnvDataError::Invalid(violations));
        }
        let all = env.data.region_names();
        for r in regions {
            if !all.contains(r) {
                return Err(EnvDataError::UnknownRegion {
                    env: name.to_string(),
                    region: r.clone(),
                    known: all.join(", "),
                    file: env.path.clone(),
                });
            }
        }
        let selected = if regions.is_empty() {
            all
        } else {
            all.into_iter().filter(|r| regions.contains(r)).collect()
        };
        Ok((env, selected))
    }

    /// Every rule over every file.
    pub fn validate_all(&self) -> Vec<rules::Violation> {
        let mut v: Vec<_> = self
            .files
            .iter()
            .flat_map(rules::check_environment)
            .collect();
        v.extend(self.files.iter().flat_map(|f| self.minimums.check(f)));
        v.extend(rules::check_cidr_overlaps(&self.files));
        v
    }
}

fn load_file(path: &Path) -> Result<EnvFile, EnvDataError> {
    let text = std::fs::read_to_string(path).map_err(|source| EnvDataError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let raw: serde_json::Value = serde_json::from_str(&text).map_err(|e| EnvDataError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let data: Environment =
        serde_json::from_value(raw.clone()).map_err(|e| EnvDataError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(EnvFile {
        name,
        path: path.to_path_buf(),
        data,
        raw,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_envs() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure/environments")
    }

    #[test]
    fn repository_environments_are_valid() {
        let set = EnvSet::load(&repo_envs()).unwrap();
        assert!(set.names().contains(&"dev".to_string()));
        assert_eq!(set.validate_all(), vec![]);
        let (env, regions) = set.select("prod", &[]).unwrap();
        assert_eq!(env.data.tier, Tier::Production);
        assert_eq!(regions[0], env.data.primary_region);
    }

    #[test]
    fn unknown_environment_and_region_are_named() {
        let set = EnvSet::load(&repo_envs()).unwrap();
        let err = set.select("qa", &[]).unwrap_err().to_string();
        assert!(
            err.contains("unknown environment `qa`") && err.contains("dev"),
            "{err}"
        );
        let err = set
            .select("dev", &["eu-west-9".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown region `eu-west-9`"), "{err}");
    }

    #[test]
    fn unknown_field_in_known_section_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(repo_envs().join("dev.json")).unwrap();
        let text = text.replace("\"az_count\"", "\"az_cuont\"");
        std::fs::write(dir.path().join("dev.json"), text).unwrap();
        let err = EnvSet::load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("az_cuont") && err.contains("dev.json"),
            "{err}"
        );
    }

    #[test]
    fn region_override_is_merged() {
        let set = EnvSet::load(&repo_envs()).unwrap();
        let mut env = set.get("dev").unwrap().data.clone();
        env.regions.get_mut("us-west-2").unwrap().network = Some(NetworkOverride {
            az_count: Some(2),
            ..Default::default()
        });
        assert_eq!(env.network_for("us-west-2").az_count, 2);
        assert_eq!(env.network_for("us-east-1").az_count, env.network.az_count);
    }
}
