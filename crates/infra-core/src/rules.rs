//! Every rule the environment data must follow, in one place. Each rule is a
//! function from an environment (or all of them) to violations.

use std::path::PathBuf;

use ipnet::Ipv4Net;

use crate::envdata::{EnvFile, NatGateways, Tier};

/// One broken rule: which file, which field, what is wrong, what to do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pub file: PathBuf,
    pub field: String,
    pub message: String,
    pub fix: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` field `{}`: {}; {}",
            self.file.display(),
            self.field,
            self.message,
            self.fix
        )
    }
}

pub fn format_violations(v: &[Violation]) -> String {
    v.iter()
        .map(|v| format!("  - {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Smallest and largest VPC prefix allowed.
pub const VPC_PREFIX_RANGE: (u8, u8) = (16, 20);
/// AWS KMS limits for the deletion window.
pub const KMS_WINDOW_RANGE: (u32, u32) = (7, 30);

type Rule = fn(&EnvFile) -> Vec<Violation>;

/// The per-environment rules, in the order they are reported.
pub const ENVIRONMENT_RULES: &[(&str, Rule)] = &[
    ("environment matches file name", environment_matches_file),
    ("account_id is 12 digits", account_id_is_12_digits),
    ("primary_region is one of regions", primary_region_is_listed),
    ("vpc_cidr is an IPv4 network /16../20", vpc_cidr_is_valid),
    ("kms deletion window within AWS limits", kms_window_in_range),
    (
        "production uses one NAT gateway per AZ",
        production_nat_per_az,
    ),
    ("production spans at least 3 AZs", production_az_count),
    (
        "production keeps KMS keys >= 30 days",
        production_kms_window,
    ),
    ("non-production spans 2 or 3 AZs", non_production_az_count),
];

pub fn check_environment(env: &EnvFile) -> Vec<Violation> {
    ENVIRONMENT_RULES
        .iter()
        .flat_map(|(_, rule)| rule(env))
        .collect()
}

fn violation(env: &EnvFile, field: &str, message: String, fix: String) -> Violation {
    Violation {
        file: env.path.clone(),
        field: field.to_string(),
        message,
        fix,
    }
}

pub fn environment_matches_file(env: &EnvFile) -> Vec<Violation> {
    if env.data.environment == env.name {
        return vec![];
    }
    vec![violation(
        env,
        "environment",
        format!(
            "is `{}` but the file is `{}.json`",
            env.data.environment, env.name
        ),
        format!("set it to `{}` or rename the file", env.name),
    )]
}

pub fn account_id_is_12_digits(env: &EnvFile) -> Vec<Violation> {
    let id = &env.data.account_id;
    if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
        return vec![];
    }
    vec![violation(
        env,
        "account_id",
        format!("`{id}` is not a 12-digit AWS account id"),
        "write the account id as a string of 12 digits, e.g. \"111111111111\"".into(),
    )]
}

pub fn primary_region_is_listed(env: &EnvFile) -> Vec<Violation> {
    let d = &env.data;
    if d.regions.is_empty() {
        return vec![violation(
            env,
            "regions",
            "lists no region".into(),
            "add at least the primary region with its `vpc_cidr`".into(),
        )];
    }
    if d.regions.contains_key(&d.primary_region) {
        return vec![];
    }
    vec![violation(
        env,
        "primary_region",
        format!("`{}` is not a key of `regions`", d.primary_region),
        format!(
            "use one of {} or add it to `regions`",
            d.regions.keys().cloned().collect::<Vec<_>>().join(", ")
        ),
    )]
}

/// Parse a VPC CIDR: a network address (no host bits) with a /16../20 prefix.
pub fn parse_vpc_cidr(text: &str) -> Result<Ipv4Net, String> {
    let net: Ipv4Net = text
        .parse()
        .map_err(|_| format!("`{text}` is not an IPv4 CIDR (a.b.c.d/n)"))?;
    if net.network() != net.addr() {
        return Err(format!(
            "`{text}` has host bits set; the network is `{}`",
            net.trunc()
        ));
    }
    let (lo, hi) = VPC_PREFIX_RANGE;
    if net.prefix_len() < lo || net.prefix_len() > hi {
        return Err(format!(
            "`{text}` is a /{} network; VPCs here are /{lo} to /{hi}",
            net.prefix_len()
        ));
    }
    Ok(net)
}

pub fn vpc_cidr_is_valid(env: &EnvFile) -> Vec<Violation> {
    env.data
        .regions
        .iter()
        .filter_map(|(region, r)| {
            parse_vpc_cidr(&r.vpc_cidr).err().map(|msg| {
                violation(
                    env,
                    &format!("regions.{region}.vpc_cidr"),
                    msg,
                    format!(
                        "use a free /{}../{} network such as 10.x.0.0/16",
                        VPC_PREFIX_RANGE.0, VPC_PREFIX_RANGE.1
                    ),
                )
            })
        })
        .collect()
}

pub fn kms_window_in_range(env: &EnvFile) -> Vec<Violation> {
    let days = env.data.security.kms_deletion_window_days;
    let (lo, hi) = KMS_WINDOW_RANGE;
    if (lo..=hi).contains(&days) {
        return vec![];
    }
    vec![violation(
        env,
        "security.kms_deletion_window_days",
        format!("{days} is outside AWS's range {lo}..{hi}"),
        format!("choose a value between {lo} and {hi}"),
    )]
}

fn per_region_network<F>(env: &EnvFile, check: F) -> Vec<Violation>
where
    F: Fn(&str, &crate::envdata::Network) -> Option<(String, String, String)>,
{
    let mut out = vec![];
    for region in env.data.region_names() {
        let net = env.data.network_for(&region);
        if let Some((field, msg, fix)) = check(&region, &net) {
            // Report the override field when the region overrides it.
            let overridden = env
                .data
                .regions
                .get(&region)
                .and_then(|r| r.network.as_ref())
                .is_some_and(|o| match field.as_str() {
                    "az_count" => o.az_count.is_some(),
                    "nat_gateways" => o.nat_gateways.is_some(),
                    _ => false,
                });
            let path = if overridden {
                format!("regions.{region}.network.{field}")
            } else {
                format!("network.{field}")
            };
            let v = violation(env, &path, format!("{msg} (region {region})"), fix);
            if !out.iter().any(|o: &Violation| o.field == v.field) {
                out.push(v);
            }
        }
    }
    out
}

pub fn production_nat_per_az(env: &EnvFile) -> Vec<Violation> {
    if env.data.tier != Tier::Production {
        return vec![];
    }
    per_region_network(env, |_, net| {
        (net.nat_gateways != NatGateways::PerAz).then(|| {
            (
                "nat_gateways".into(),
                format!(
                    "is `{}` but a production environment needs `per_az`",
                    serde_json::to_value(net.nat_gateways)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                ),
                "set `\"nat_gateways\": \"per_az\"` so that losing one AZ keeps egress".into(),
            )
        })
    })
}

pub fn production_az_count(env: &EnvFile) -> Vec<Violation> {
    if env.data.tier != Tier::Production {
        return vec![];
    }
    per_region_network(env, |_, net| {
        (net.az_count < 3).then(|| {
            (
                "az_count".into(),
                format!(
                    "is {} but a production environment needs at least 3",
                    net.az_count
                ),
                "set `\"az_count\": 3`".into(),
            )
        })
    })
}

pub fn production_kms_window(env: &EnvFile) -> Vec<Violation> {
    let days = env.data.security.kms_deletion_window_days;
    if env.data.tier != Tier::Production || days >= 30 {
        return vec![];
    }
    vec![violation(
        env,
        "security.kms_deletion_window_days",
        format!("is {days} but a production environment needs at least 30"),
        "set it to 30".into(),
    )]
}

pub fn non_production_az_count(env: &EnvFile) -> Vec<Violation> {
    if env.data.tier != Tier::NonProduction {
        return vec![];
    }
    per_region_network(env, |_, net| {
        (!(2..=3).contains(&net.az_count)).then(|| {
            (
                "az_count".into(),
                format!(
                    "is {} but a non-production environment uses 2 or 3",
                    net.az_count
                ),
                "set `\"az_count\"` to 2 or 3".into(),
            )
        })
    })
}

/// No two env × region VPCs (across all environment files) may overlap.
pub fn check_cidr_overlaps(files: &[EnvFile]) -> Vec<Violation> {
    let nets: Vec<(&EnvFile, &String, Ipv4Net)> = files
        .iter()
        .flat_map(|f| {
            f.data
                .regions
                .iter()
                .filter_map(move |(r, d)| parse_vpc_cidr(&d.vpc_cidr).ok().map(|n| (f, r, n)))
        })
        .collect();
    let mut out = vec![];
    for (i, (fa, ra, na)) in nets.iter().enumerate() {
        for (fb, rb, nb) in &nets[i + 1..] {
            if na.contains(&nb.network()) || nb.contains(&na.network()) {
                out.push(Violation {
                    file: fb.path.clone(),
                    field: format!("regions.{rb}.vpc_cidr"),
                    message: format!(
                        "{nb} ({}/{rb}) overlaps {na} ({}/{ra} in `{}`)",
                        fb.name,
                        fa.name,
                        fa.path.display()
                    ),
                    fix: "give every environment and region its own network (see the CIDR plan in the environment files)".into(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envdata::{EnvFile, Environment, NetworkOverride};
    use std::path::Path;

    fn load(name: &str) -> EnvFile {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../../infrastructure/environments/{name}.json"));
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let data: Environment = serde_json::from_value(raw.clone()).unwrap();
        EnvFile {
            name: name.into(),
            path,
            data,
            raw,
        }
    }

    fn fields(v: Vec<Violation>) -> Vec<String> {
        v.into_iter().map(|v| v.field).collect()
    }

    #[test]
    fn every_rule_passes_on_the_repository_data() {
        for name in ["dev", "staging", "prod"] {
            assert_eq!(check_environment(&load(name)), vec![], "{name}");
        }
        let all: Vec<_> = ["dev", "staging", "prod"].into_iter().map(load).collect();
        assert_eq!(check_cidr_overlaps(&all), vec![]);
    }

    #[test]
    fn rule_environment_matches_file() {
        let mut e = load("dev");
        e.data.environment = "qa".into();
        assert_eq!(fields(environment_matches_file(&e)), ["environment"]);
    }

    #[test]
    fn rule_account_id() {
        let mut e = load("dev");
        for bad in ["11111111111", "1111111111111", "11111111111a", ""] {
            e.data.account_id = bad.into();
            assert_eq!(fields(account_id_is_12_digits(&e)), ["account_id"], "{bad}");
        }
        e.data.account_id = "123456789012".into();
        assert!(account_id_is_12_digits(&e).is_empty());
    }

    #[test]
    fn rule_primary_region() {
        let mut e = load("dev");
        e.data.primary_region = "eu-west-1".into();
        assert_eq!(fields(primary_region_is_listed(&e)), ["primary_region"]);
        e.data.regions.clear();
        assert_eq!(fields(primary_region_is_listed(&e)), ["regions"]);
    }

    #[test]
    fn rule_vpc_cidr() {
        let table = [
            ("10.10.0.0/16", true),
            ("10.10.0.0/20", true),
            ("10.10.0.0/15", false),
            ("10.10.0.0/21", false),
            ("10.10.1.0/16", false),
            ("10.10.0.0", false),
            ("300.1.0.0/16", false),
            ("fd00::/48", false),
        ];
        for (cidr, ok) in table {
            let mut e = load("dev");
            e.data.regions.get_mut("us-east-1").unwrap().vpc_cidr = cidr.into();
            let v = vpc_cidr_is_valid(&e);
            assert_eq!(v.is_empty(), ok, "{cidr}: {v:?}");
            if !ok {
                assert_eq!(v[0].field, "regions.us-east-1.vpc_cidr");
            }
        }
    }

    #[test]
    fn rule_kms_window_range() {
        let mut e = load("dev");
        e.data.security.kms_deletion_window_days = 6;
        assert_eq!(
            fields(kms_window_in_range(&e)),
            ["security.kms_deletion_window_days"]
        );
        e.data.security.kms_deletion_window_days = 31;
        assert!(!kms_window_in_range(&e).is_empty());
        e.data.security.kms_deletion_window_days = 7;
        assert!(kms_window_in_range(&e).is_empty());
    }

    #[test]
    fn rule_production_nat_per_az() {
        let mut e = load("prod");
        assert!(production_nat_per_az(&e).is_empty());
        e.data.network.nat_gateways = NatGateways::Single;
        assert_eq!(fields(production_nat_per_az(&e)), ["network.nat_gateways"]);
        // A region override is named as such.
        let mut e = load("prod");
        e.data.regions.get_mut("us-west-2").unwrap().network = Some(NetworkOverride {
            nat_gateways: Some(NatGateways::Single),
            ..Default::default()
        });
        assert_eq!(
            fields(production_nat_per_az(&e)),
            ["regions.us-west-2.network.nat_gateways"]
        );
        // Non-production may use one NAT.
        assert!(production_nat_per_az(&load("dev")).is_empty());
    }

    #[test]
    fn rule_production_az_count() {
        let mut e = load("prod");
        e.data.network.az_count = 2;
        assert_eq!(fields(production_az_count(&e)), ["network.az_count"]);
        e.data.network.az_count = 4;
        assert!(production_az_count(&e).is_empty());
    }

    #[test]
    fn rule_production_kms_window() {
        let mut e = load("prod");
        e.data.security.kms_deletion_window_days = 29;
        assert_eq!(
            fields(production_kms_window(&e)),
            ["security.kms_deletion_window_days"]
        );
        let mut d = load("dev");
        d.data.security.kms_deletion_window_days = 7;
        assert!(production_kms_window(&d).is_empty());
    }

    #[test]
    fn rule_non_production_az_count() {
        for (n, ok) in [(1, false), (2, true), (3, true), (4, false)] {
            let mut e = load("staging");
            e.data.network.az_count = n;
            assert_eq!(non_production_az_count(&e).is_empty(), ok, "{n}");
        }
        let mut p = load("prod");
        p.data.network.az_count = 4;
        assert!(non_production_az_count(&p).is_empty());
    }

    #[test]
    fn rule_cidrs_do_not_overlap_across_files() {
        let dev = load("dev");
        let mut staging = load("staging");
        assert!(check_cidr_overlaps(&[dev.clone(), staging.clone()]).is_empty());
        // A /20 inside dev's us-west-2 /16.
        staging.data.regions.get_mut("us-west-2").unwrap().vpc_cidr = "10.11.16.0/20".into();
        let v = check_cidr_overlaps(&[dev.clone(), staging]);
        assert_eq!(fields(v.clone()), ["regions.us-west-2.vpc_cidr"]);
        assert!(v[0].message.contains("dev/us-west-2"), "{}", v[0].message);
        // Within one file too.
        let mut d = dev;
        d.data.regions.get_mut("us-west-2").unwrap().vpc_cidr = "10.10.0.0/16".into();
        assert_eq!(check_cidr_overlaps(&[d]).len(), 1);
    }
}
