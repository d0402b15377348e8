//! Pricing the resources of a plan.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::prices::{PriceTable, ResourcePrice};
use crate::HOURS_PER_MONTH;

/// One priced resource.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Line {
    pub address: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// USD per month as planned.
    pub monthly: f64,
    /// USD per month for the same capacity bought naively.
    pub naive_monthly: f64,
    /// How it was computed, e.g. `2 x db.r7g.large (multi-AZ) + 200 GB gp3`.
    pub detail: String,
}

/// A resource the table cannot price, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unpriced {
    pub address: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub reason: String,
}

/// The estimate of one stack's plan.
#[derive(Debug, Clone, Serialize)]
pub struct Estimate {
    pub stack: String,
    pub environment: String,
    pub region: String,
    pub monthly: f64,
    pub naive_monthly: f64,
    pub lines: Vec<Line>,
    /// Resources whose cost is usage only (requests, GB stored): listed, not estimated.
    pub usage_based: Vec<Unpriced>,
    /// Resources the table says are free.
    pub free: usize,
    pub unpriced: Vec<Unpriced>,
}

/// Totals by environment and region.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Totals {
    pub monthly: f64,
    pub naive_monthly: f64,
    pub by_region: BTreeMap<String, f64>,
    pub by_environment: BTreeMap<String, f64>,
    pub unpriced: usize,
}

impl Totals {
    pub fn of(estimates: &[Estimate]) -> Self {
        let mut t = Totals::default();
        for e in estimates {
            t.monthly += e.monthly;
            t.naive_monthly += e.naive_monthly;
            *t.by_region.entry(e.region.clone()).or_default() += e.monthly;
            *t.by_environment.entry(e.environment.clone()).or_default() += e.monthly;
            t.unpriced += e.unpriced.len();
        }
        t
    }

    /// Planned / naive (the cost levers' benchmark); None without naive cost.
    pub fn ratio(&self) -> Option<f64> {
        (self.naive_monthly > 0.0).then(|| self.monthly / self.naive_monthly)
    }
}

enum Priced {
    Cost {
        monthly: f64,
        naive: f64,
        detail: String,
    },
    Free,
    Usage(String),
    Unpriced(String),
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn first<'a>(v: &'a Value, key: &str) -> &'a Value {
    match &v[key] {
        Value::Array(a) => a.first().unwrap_or(&Value::Null),
        other => other,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

struct Ctx<'a> {
    t: &'a PriceTable,
    p: &'a ResourcePrice,
    region: &'a str,
}

impl Ctx<'_> {
    fn instance(&self, key: &str) -> Result<f64, String> {
        let table = self.p.table.as_deref().unwrap_or_default();
        self.t
            .lookup(table, key, self.region)
            .ok_or_else(|| format!("no {table} price for `{key}` in {}", self.region))
    }

    /// Hourly price of the naive equivalent (x86 for Graviton), or the same.
    fn naive_instance(&self, key: &str) -> Result<(f64, String), String> {
        match self.t.naive.instance.get(key) {
            Some(x86) => Ok((self.instance(x86)?, x86.clone())),
            None => Ok((self.instance(key)?, key.to_string())),
        }
    }

    fn storage(&self, kind: &str) -> Result<f64, String> {
        let table = self.p.storage.as_deref().unwrap_or_default();
        self.t.lookup(table, kind, self.region).ok_or_else(|| {
            format!(
                "no {table} price for volume type `{kind}` in {}",
                self.region
            )
        })
    }

    fn naive_storage(&self, kind: &str) -> Result<f64, String> {
        let k = self
            .t
            .naive
            .storage
            .get(kind)
            .map(String::as_str)
            .unwrap_or(kind);
        self.storage(k)
    }

    fn regional(&self) -> Result<f64, String> {
        self.p
            .price
            .get(self.region)
            .copied()
            .ok_or_else(|| format!("no price in {}", self.region))
    }
}

fn string_of<'a>(v: &'a Value, key: &str) -> Result<&'a str, String> {
    v[key]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("`{key}` is not known at plan time"))
}

fn count_of(v: &Value, key: &str) -> Result<f64, String> {
    num(&v[key]).ok_or_else(|| format!("`{key}` is not known at plan time"))
}

fn price(t: &PriceTable, kind: &str, after: &Value, region: &str) -> Priced {
    let Some(p) = t.resources.get(kind) else {
        return Priced::Unpriced("not in the price table (pricing/prices.json)".into());
    };
    let c = Ctx { t, p, region };
    let h = HOURS_PER_MONTH;
    let r: Result<(f64, f64, String), String> = (|| match p.model.as_str() {
        "free" => Err(String::new()),
        "usage" => Err(String::new()),
        "hourly" => {
            let x = c.regional()? * h;
            Ok((x, x, format!("{} x {h} h", c.regional()?)))
        }
        "monthly" => {
            let x = c.regional()?;
            Ok((x, x, format!("{x} per month")))
        }
        "vpc_endpoint" => {
            if after["vpc_endpoint_type"].as_str() != Some("Interface") {
                return Ok((0.0, 0.0, "gateway endpoint (no charge)".into()));
            }
            let azs = after["subnet_ids"]
                .as_array()
                .map(Vec::len)
                .unwrap_or(0)
                .max(1) as f64;
            let x = c.regional()? * h * azs;
            Ok((x, x, format!("interface endpoint in {azs} AZs")))
        }
        "instance" => {
            let ty = string_of(after, "instance_type")?;
            let root = first(after, "root_block_device");
            let size = num(&root["volume_size"]).unwrap_or(8.0);
            let vt = root["volume_type"].as_str().unwrap_or("gp3");
            let (nx, _) = c.naive_instance(ty)?;
            Ok((
                c.instance(ty)? * h + size * c.storage(vt)?,
                nx * h + size * c.naive_storage(vt)?,
                format!("{ty} + {size} GB {vt}"),
            ))
        }
        "eks_node_group" => {
            let ty = after["instance_types"][0]
                .as_str()
                .ok_or("`instance_types` is not set on the node group (a launch template's type cannot be priced)")?;
            let sc = first(after, "scaling_config");
            let desired =
                num(&sc["desired_size"]).ok_or("`scaling_config.desired_size` unknown")?;
            let max = num(&sc["max_size"]).unwrap_or(desired);
            let spot = after["capacity_type"].as_str() == Some("SPOT");
            let factor = if spot { t.spot_factor } else { 1.0 };
            let disk = num(&after["disk_size"]).unwrap_or(20.0);
            let (nx, nty) = c.naive_instance(ty)?;
            Ok((
                desired * (c.instance(ty)? * factor * h + disk * c.storage("gp3")?),
                max * (nx * h + disk * c.naive_storage("gp3")?),
                format!(
                    "{desired} x {ty}{} + {disk} GB (naive: {max} x {nty} on-demand)",
                    if spot { " spot" } else { "" }
                ),
            ))
        }
        "ebs_volume" => {
            let size = count_of(after, "size")?;
            let vt = after["type"].as_str().unwrap_or("gp3");
            Ok((
                size * c.storage(vt)?,
                size * c.naive_storage(vt)?,
                format!("{size} GB {vt}"),
            ))
        }
        "db_instance" => {
            let ty = string_of(after, "instance_class")?;
            let azs = if after["multi_az"] == Value::Bool(true) {
                2.0
            } else {
                1.0
            };
            let gb = count_of(after, "allocated_storage")?;
            let max_gb = num(&after["max_allocated_storage"])
                .filter(|m| *m > gb)
                .unwrap_or(gb);
            let vt = after["storage_type"].as_str().unwrap_or("gp2");
            let (nx, nty) = c.naive_instance(ty)?;
            Ok((
                azs * (c.instance(ty)? * h + gb * c.storage(vt)?),
                azs * (nx * h + max_gb * c.naive_storage(vt)?),
                format!(
                    "{ty}{} + {gb} GB {vt} (naive: {nty}, {max_gb} GB)",
                    if azs > 1.0 { " multi-AZ" } else { "" }
                ),
            ))
        }
        "rds_cluster_instance" => {
            let ty = string_of(after, "instance_class")?;
            let (nx, _) = c.naive_instance(ty)?;
            Ok((c.instance(ty)? * h, nx * h, ty.to_string()))
        }
        "cache_replication_group" => {
            let ty = string_of(after, "node_type")?;
            let nodes = match num(&after["num_node_groups"]) {
                Some(g) if g > 0.0 => {
                    g * (num(&after["replicas_per_node_group"]).unwrap_or(0.0) + 1.0)
                }
                _ => num(&after["num_cache_clusters"]).ok_or("node count unknown")?,
            };
            let (nx, nty) = c.naive_instance(ty)?;
            Ok((
                nodes * c.instance(ty)? * h,
                nodes * nx * h,
                format!("{nodes} x {ty} (naive: {nty})"),
            ))
        }
        "cache_cluster" => {
            let ty = string_of(after, "node_type")?;
            let nodes = count_of(after, "num_cache_nodes")?;
            let (nx, _) = c.naive_instance(ty)?;
            Ok((
                nodes * c.instance(ty)? * h,
                nodes * nx * h,
                format!("{nodes} x {ty}"),
            ))
        }
        "msk_cluster" => {
            let g = first(after, "broker_node_group_info");
            let ty = string_of(g, "instance_type")?;
            let brokers = count_of(after, "number_of_broker_nodes")?;
            let ebs = first(first(g, "storage_info"), "ebs_storage_info");
            let gb = num(&ebs["volume_size"]).unwrap_or(1000.0);
            let (nx, nty) = c.naive_instance(ty)?;
            let st = c.storage("broker")?;
            Ok((
                brokers * (c.instance(ty)? * h + gb * st),
                brokers * (nx * h + gb * st),
                format!("{brokers} x {ty} + {gb} GB each (naive: {nty})"),
            ))
        }
        "opensearch_domain" => {
            let cc = first(after, "cluster_config");
            let ty = string_of(cc, "instance_type")?;
            let n = num(&cc["instance_count"]).unwrap_or(1.0);
            let (nx, nty) = c.naive_instance(ty)?;
            let mut m = n * c.instance(ty)? * h;
            let mut naive = n * nx * h;
            let mut detail = format!("{n} x {ty}");
            if cc["dedicated_master_enabled"] == Value::Bool(true) {
                let mty = string_of(cc, "dedicated_master_type")?;
                let mn = num(&cc["dedicated_master_count"]).unwrap_or(3.0);
                let (mx, _) = c.naive_instance(mty)?;
                m += mn * c.instance(mty)? * h;
                naive += mn * mx * h;
                detail.push_str(&format!(" + {mn} x {mty} masters"));
            }
            let ebs = first(after, "ebs_options");
            if ebs["ebs_enabled"] == Value::Bool(true) {
                let gb = num(&ebs["volume_size"]).unwrap_or(10.0);
                let vt = ebs["volume_type"].as_str().unwrap_or("gp3");
                m += n * gb * c.storage(vt)?;
                naive += n * gb * c.naive_storage(vt)?;
                detail.push_str(&format!(" + {gb} GB {vt} each (naive: {nty})"));
            }
            Ok((m, naive, detail))
        }
        other => Err(format!("model `{other}` not implemented")),
    })();
    match (p.model.as_str(), r) {
        ("free", _) => Priced::Free,
        ("usage", _) => Priced::Usage(p.note.clone().unwrap_or_else(|| "usage-based".into())),
        (_, Ok((monthly, naive, detail))) => Priced::Cost {
            monthly,
            naive,
            detail,
        },
        (_, Err(reason)) => Priced::Unpriced(reason),
    }
}

/// Parse `<env>-<region>-<layer>` (region `global` for environment stacks).
fn split_stack_id(stack: &str) -> Option<(String, String)> {
    let (env, rest) = stack.split_once('-')?;
    for r in ["us-east-1", "us-west-2", "global"] {
        if rest.starts_with(&format!("{r}-")) {
            return Some((env.to_string(), r.to_string()));
        }
    }
    None
}

/// Root volume size of each launch template of the plan, by id, by name and
/// (`module:<address>`, the first one) by module: node groups launched from a
/// template take their disk from it.
fn launch_template_disks(plan: &Value) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    for rc in plan["resource_changes"].as_array().into_iter().flatten() {
        if rc["type"] != "aws_launch_template" {
            continue;
        }
        let after = &rc["change"]["after"];
        let ebs = first(first(after, "block_device_mappings"), "ebs");
        let Some(size) = num(&ebs["volume_size"]) else {
            continue;
        };
        for k in [&after["id"], &after["name"]] {
            if let Some(k) = k.as_str() {
                out.insert(k.to_string(), size);
            }
        }
        let module = rc["module_address"].as_str().unwrap_or_default();
        out.entry(format!("module:{module}")).or_insert(size);
    }
    out
}

/// Price every resource that exists after the plan (created, updated,
/// replaced, unchanged; deletions left out).
pub fn estimate_plan(t: &PriceTable, stack: &str, plan: &Value) -> Estimate {
    let var = |k: &str| plan["variables"][k]["value"].as_str().map(String::from);
    let (id_env, id_region) = split_stack_id(stack).unwrap_or_default();
    let environment = var("environment").unwrap_or(id_env);
    let region = var("region").unwrap_or(id_region);
    let mut e = Estimate {
        stack: stack.to_string(),
        environment,
        region: region.clone(),
        monthly: 0.0,
        naive_monthly: 0.0,
        lines: vec![],
        usage_based: vec![],
        free: 0,
        unpriced: vec![],
    };
    let templates = launch_template_disks(plan);
    for rc in plan["resource_changes"].as_array().into_iter().flatten() {
        if rc["mode"] != "managed" || rc["change"]["actions"] == serde_json::json!(["delete"]) {
            continue;
        }
        let address = rc["address"].as_str().unwrap_or_default().to_string();
        let kind = rc["type"].as_str().unwrap_or_default().to_string();
        let mut after = rc["change"]["after"].clone();
        if kind == "aws_eks_node_group" && num(&after["disk_size"]).unwrap_or(0.0) == 0.0 {
            // The node disk comes from the node group's launch template.
            let lt = first(&after, "launch_template");
            let key = lt["id"]
                .as_str()
                .or(lt["name"].as_str())
                .unwrap_or_default();
            let module = rc["module_address"].as_str().unwrap_or_default();
            let found = templates
                .get(key)
                .or_else(|| templates.get(&format!("module:{module}")));
            if let Some(size) = found {
                after["disk_size"] = serde_json::json!(size);
            }
        }
        match price(t, &kind, &after, &region) {
            Priced::Cost {
                monthly,
                naive,
                detail,
            } => {
                e.monthly += monthly;
                e.naive_monthly += naive;
                e.lines.push(Line {
                    address,
                    kind,
                    monthly: round2(monthly),
                    naive_monthly: round2(naive),
                    detail,
                });
            }
            Priced::Free => e.free += 1,
            Priced::Usage(reason) => e.usage_based.push(Unpriced {
                address,
                kind,
                reason,
            }),
            Priced::Unpriced(reason) => e.unpriced.push(Unpriced {
                address,
                kind,
                reason,
            }),
        }
    }
    e.monthly = round2(e.monthly);
    e.naive_monthly = round2(e.naive_monthly);
    e
}

/// A stack's difference between two sets of plans.
#[derive(Debug, Clone, Serialize)]
pub struct StackDelta {
    pub stack: String,
    pub before: f64,
    pub after: f64,
    pub delta: f64,
    /// Resources whose monthly cost changed: (address, before, after).
    pub changes: Vec<(String, f64, f64)>,
}

/// What the head plans add or save per month against the base plans.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub stacks: Vec<StackDelta>,
    pub before: f64,
    pub after: f64,
    pub delta: f64,
    /// Unpriced resources in the head plans (the delta does not include them).
    pub unpriced: Vec<Unpriced>,
}

pub fn compare(base: &[Estimate], head: &[Estimate]) -> Comparison {
    let by = |v: &[Estimate]| -> BTreeMap<String, Estimate> {
        v.iter().map(|e| (e.stack.clone(), e.clone())).collect()
    };
    let (b, h) = (by(base), by(head));
    let ids: BTreeSet<&String> = b.keys().chain(h.keys()).collect();
    let mut stacks = vec![];
    for id in ids {
        let lines = |e: Option<&Estimate>| -> BTreeMap<String, f64> {
            e.map(|e| {
                e.lines
                    .iter()
                    .map(|l| (l.address.clone(), l.monthly))
                    .collect()
            })
            .unwrap_or_default()
        };
        let (lb, lh) = (lines(b.get(id)), lines(h.get(id)));
        let addrs: BTreeSet<&String> = lb.keys().chain(lh.keys()).collect();
        let changes: Vec<(String, f64, f64)> = addrs
            .into_iter()
            .map(|a| {
                (
                    a.clone(),
                    lb.get(a).copied().unwrap_or(0.0),
                    lh.get(a).copied().unwrap_or(0.0),
                )
            })
            .filter(|(_, x, y)| (x - y).abs() >= 0.005)
            .collect();
        let before = b.get(id).map(|e| e.monthly).unwrap_or(0.0);
        let after = h.get(id).map(|e| e.monthly).unwrap_or(0.0);
        stacks.push(StackDelta {
            stack: id.clone(),
            before,
            after,
            delta: round2(after - before),
            changes,
        });
    }
    let before = round2(stacks.iter().map(|s| s.before).sum());
    let after = round2(stacks.iter().map(|s| s.after).sum());
    Comparison {
        delta: round2(after - before),
        before,
        after,
        stacks,
        unpriced: head.iter().flat_map(|e| e.unpriced.clone()).collect(),
    }
}
