//! The price table: `pricing/prices.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Errors loading the price table.
#[derive(Debug, thiserror::Error)]
pub enum PricesError {
    #[error("cannot read the price table `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the price table `{path}` is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// A price per region (USD).
pub type Regional = BTreeMap<String, f64>;

/// How a resource type is priced.
#[derive(Debug, Clone, Deserialize)]
pub struct ResourcePrice {
    /// `free`, `usage`, `hourly`, `monthly`, `vpc_endpoint`, `db_instance`,
    /// `rds_cluster_instance`, `cache_replication_group`, `cache_cluster`,
    /// `msk_cluster`, `opensearch_domain`, `ebs_volume`, `instance`, `eks_node_group`.
    pub model: String,
    /// For `hourly`/`monthly`/`vpc_endpoint`: the price per unit and region.
    #[serde(default)]
    pub price: Regional,
    /// For instance models: the instance price table in `tables`.
    #[serde(default)]
    pub table: Option<String>,
    /// For instance models: the storage price table in `tables`.
    #[serde(default)]
    pub storage: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: String,
    pub date: String,
}

/// A table of prices by key (instance type or volume type) and region.
#[derive(Debug, Clone, Deserialize)]
pub struct Table {
    pub unit: String,
    pub source: String,
    pub date: String,
    pub prices: BTreeMap<String, Regional>,
}

/// What "bought naively" means for the benchmark.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Naive {
    /// Graviton type -> the x86 type of the same size (per table).
    #[serde(default)]
    pub instance: BTreeMap<String, String>,
    /// Volume type -> the volume type bought naively (gp3 -> gp2).
    #[serde(default)]
    pub storage: BTreeMap<String, String>,
}

/// The whole price table.
#[derive(Debug, Clone, Deserialize)]
pub struct PriceTable {
    pub currency: String,
    pub source: String,
    pub retrieved: String,
    pub regions: Vec<String>,
    /// Spot price as a fraction of on-demand (a recorded average, see the source).
    pub spot_factor: f64,
    pub spot_source: String,
    pub resources: BTreeMap<String, ResourcePrice>,
    pub tables: BTreeMap<String, Table>,
    #[serde(default)]
    pub naive: Naive,
}

const MODELS: &[&str] = &[
    "free",
    "usage",
    "hourly",
    "monthly",
    "vpc_endpoint",
    "db_instance",
    "rds_cluster_instance",
    "cache_replication_group",
    "cache_cluster",
    "msk_cluster",
    "opensearch_domain",
    "ebs_volume",
    "instance",
    "eks_node_group",
];

impl PriceTable {
    pub fn load(path: &Path) -> Result<Self, PricesError> {
        let text = std::fs::read_to_string(path).map_err(|source| PricesError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text).map_err(|message| PricesError::Invalid {
            path: path.to_path_buf(),
            message,
        })
    }

    /// Parse and check: every entry has a source and a date, a known model,
    /// prices for every region, and the tables it names.
    pub fn parse(text: &str) -> Result<Self, String> {
        let t: PriceTable = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !(0.0..=1.0).contains(&t.spot_factor) {
            return Err(format!("spot_factor {} is not a fraction", t.spot_factor));
        }
        for (ty, p) in &t.resources {
            if !MODELS.contains(&p.model.as_str()) {
                return Err(format!("{ty}: unknown model `{}`", p.model));
            }
            if p.source.trim().is_empty() || p.date.len() != 10 {
                return Err(format!("{ty}: needs a source and a date (YYYY-MM-DD)"));
            }
            if matches!(p.model.as_str(), "hourly" | "monthly" | "vpc_endpoint") {
                for r in &t.regions {
                    if !p.price.contains_key(r) {
                        return Err(format!("{ty}: no price for region {r}"));
                    }
                }
            }
            for name in p.table.iter().chain(p.storage.iter()) {
                if !t.tables.contains_key(name) {
                    return Err(format!("{ty}: names table `{name}`, which does not exist"));
                }
            }
        }
        for (name, tab) in &t.tables {
            if tab.source.trim().is_empty() || tab.date.len() != 10 {
                return Err(format!("table {name}: needs a source and a date"));
            }
            for (k, reg) in &tab.prices {
                for r in &t.regions {
                    if !reg.contains_key(r) {
                        return Err(format!("table {name}: {k} has no price for region {r}"));
                    }
                }
            }
        }
        Ok(t)
    }

    /// A price from a table, if recorded.
    pub fn lookup(&self, table: &str, key: &str, region: &str) -> Option<f64> {
        self.tables
            .get(table)?
            .prices
            .get(key)?
            .get(region)
            .copied()
    }
}
