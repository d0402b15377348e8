//! The committed price table against hand-computed cases (730 hours a month).

use std::path::PathBuf;

use infra_cost::{compare, estimate_plan, render_compare, render_estimates, PriceTable, Totals};
use serde_json::{json, Value};

fn table() -> PriceTable {
    PriceTable::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../pricing/prices.json"))
        .expect("pricing/prices.json loads")
}

fn plan(region: &str, resources: Vec<(&str, Value)>) -> Value {
    let rc: Vec<Value> = resources
        .into_iter()
        .enumerate()
        .map(|(i, (t, after))| {
            let actions = after.get("__actions").cloned().unwrap_or(json!(["create"]));
            json!({"address": format!("{t}.r{i}"), "mode": "managed", "type": t, "name": format!("r{i}"),
                   "change": {"actions": actions, "after": after}})
        })
        .collect();
    json!({"variables": {"environment": {"value": "prod"}, "region": {"value": region}}, "resource_changes": rc})
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 0.006, "{a} != {b}");
}

#[test]
fn nat_gateway_is_hourly_times_730() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-network",
        &plan("us-east-1", vec![("aws_nat_gateway", json!({}))]),
    );
    close(e.monthly, 32.85); // 0.045 * 730
    close(e.naive_monthly, 32.85);
}

#[test]
fn interface_endpoints_are_per_az_gateway_endpoints_free() {
    let e = estimate_plan(
        &table(),
        "prod-us-west-2-network",
        &plan(
            "us-west-2",
            vec![
                (
                    "aws_vpc_endpoint",
                    json!({"vpc_endpoint_type": "Interface", "subnet_ids": ["a", "b", "c"]}),
                ),
                (
                    "aws_vpc_endpoint",
                    json!({"vpc_endpoint_type": "Gateway", "subnet_ids": []}),
                ),
            ],
        ),
    );
    assert_eq!(e.region, "us-west-2");
    close(e.monthly, 21.90); // 0.01 * 730 * 3
}

#[test]
fn multi_az_postgres_doubles_instance_and_storage_naive_is_x86_at_max_storage() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-postgres",
        &plan(
            "us-east-1",
            vec![(
                "aws_db_instance",
                json!({"instance_class": "db.r7g.large", "multi_az": true, "allocated_storage": 100,
                       "max_allocated_storage": 500, "storage_type": "gp3"}),
            )],
        ),
    );
    close(e.monthly, 371.94); // 2 * (0.239 * 730 + 100 * 0.115)
    close(e.naive_monthly, 480.00); // 2 * (0.25 * 730 + 500 * 0.115)
}

#[test]
fn spot_graviton_node_group_against_x86_on_demand_at_max_size() {
    let e = estimate_plan(
        &table(),
        "dev-us-east-1-eks",
        &plan(
            "us-east-1",
            vec![(
                "aws_eks_node_group",
                json!({"instance_types": ["m7g.large"], "capacity_type": "SPOT", "disk_size": 20,
                       "scaling_config": [{"desired_size": 3, "min_size": 1, "max_size": 6}]}),
            )],
        ),
    );
    close(e.monthly, 67.35); // 3 * (0.0816 * 0.35 * 730 + 20 * 0.08)
    close(e.naive_monthly, 453.50); // 6 * (0.1008 * 730 + 20 * 0.10)
}

#[test]
fn redis_cluster_mode_counts_every_node() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-redis",
        &plan(
            "us-east-1",
            vec![(
                "aws_elasticache_replication_group",
                json!({"node_type": "cache.r7g.large", "num_node_groups": 1, "replicas_per_node_group": 2}),
            )],
        ),
    );
    close(e.monthly, 479.61); // 3 * 0.219 * 730
    close(e.naive_monthly, 473.04); // 3 * 0.216 * 730 (r5 is cheaper here: the benchmark says so)
}

#[test]
fn msk_brokers_and_storage() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-events",
        &plan(
            "us-east-1",
            vec![(
                "aws_msk_cluster",
                json!({"number_of_broker_nodes": 3, "broker_node_group_info": [{"instance_type": "kafka.m7g.large",
                       "storage_info": [{"ebs_storage_info": [{"volume_size": 100}]}]}]}),
            )],
        ),
    );
    close(e.monthly, 476.76); // 3 * (0.204 * 730 + 100 * 0.10)
    close(e.naive_monthly, 489.90); // 3 * (0.21 * 730 + 100 * 0.10)
}

#[test]
fn opensearch_data_nodes_masters_and_ebs() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-search",
        &plan(
            "us-east-1",
            vec![(
                "aws_opensearch_domain",
                json!({"cluster_config": [{"instance_type": "r7g.large.search", "instance_count": 3,
                        "dedicated_master_enabled": true, "dedicated_master_type": "m7g.large.search", "dedicated_master_count": 3}],
                       "ebs_options": [{"ebs_enabled": true, "volume_size": 100, "volume_type": "gp3"}]}),
            )],
        ),
    );
    // 3 * 0.178 * 730 + 3 * 0.136 * 730 + 3 * 100 * 0.122
    close(e.monthly, 389.82 + 297.84 + 36.60);
    // 3 * 0.196 * 730 + 3 * 0.151 * 730 + 3 * 100 * 0.135
    close(e.naive_monthly, 429.24 + 330.69 + 40.50);
}

#[test]
fn monthly_items_free_usage_and_unpriced_are_kept_apart() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-security",
        &plan(
            "us-east-1",
            vec![
                ("aws_kms_key", json!({})),
                ("aws_secretsmanager_secret", json!({})),
                ("aws_iam_role", json!({})),
                ("aws_s3_bucket", json!({})),
                ("aws_made_up_thing", json!({})),
                (
                    "aws_eks_node_group",
                    json!({"instance_types": null, "scaling_config": [{"desired_size": 2}]}),
                ),
                ("aws_nat_gateway", json!({"__actions": ["delete"]})),
            ],
        ),
    );
    close(e.monthly, 1.40); // 1.00 + 0.40; the deleted NAT is not counted
    assert_eq!(e.free, 1);
    assert_eq!(e.usage_based.len(), 1);
    assert_eq!(e.usage_based[0].kind, "aws_s3_bucket");
    let reasons: Vec<&str> = e.unpriced.iter().map(|u| u.reason.as_str()).collect();
    assert_eq!(e.unpriced.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("not in the price table"));
    assert!(reasons[1].contains("instance_types"));
    let text = render_estimates(&[e], true);
    assert!(text.contains("UNPRICED (not in the totals): 2"), "{text}");
    assert!(text.contains("aws_made_up_thing.r4"), "{text}");
}

#[test]
fn an_instance_type_missing_from_the_table_is_unpriced_not_zero() {
    let e = estimate_plan(
        &table(),
        "prod-us-east-1-postgres",
        &plan(
            "us-east-1",
            vec![(
                "aws_db_instance",
                json!({"instance_class": "db.x2iedn.32xlarge", "allocated_storage": 10}),
            )],
        ),
    );
    assert_eq!(e.monthly, 0.0);
    assert_eq!(e.unpriced.len(), 1);
    assert!(e.unpriced[0].reason.contains("db.x2iedn.32xlarge"));
}

#[test]
fn compare_shows_what_a_change_saves() {
    let t = table();
    let nat = |n: usize| {
        plan(
            "us-east-1",
            (0..n).map(|_| ("aws_nat_gateway", json!({}))).collect(),
        )
    };
    let base = vec![estimate_plan(&t, "dev-us-east-1-network", &nat(3))];
    let head = vec![estimate_plan(&t, "dev-us-east-1-network", &nat(1))];
    let c = compare(&base, &head);
    close(c.delta, -65.70); // two NAT gateways fewer: 2 * 32.85
    let text = render_compare(&c);
    assert!(
        text.contains("this change saves $65.70 per month ($98.55 -> $32.85)"),
        "{text}"
    );
    let grow = compare(&head, &base);
    assert!(render_compare(&grow).contains("adds $65.70"));
}

#[test]
fn totals_by_region_and_environment() {
    let t = table();
    let a = estimate_plan(
        &t,
        "dev-us-east-1-network",
        &plan("us-east-1", vec![("aws_nat_gateway", json!({}))]),
    );
    let b = estimate_plan(
        &t,
        "dev-us-west-2-network",
        &plan("us-west-2", vec![("aws_nat_gateway", json!({}))]),
    );
    let tot = Totals::of(&[a, b]);
    close(tot.monthly, 65.70);
    close(tot.by_region["us-west-2"], 32.85);
    close(tot.by_environment["prod"], 65.70);
    close(tot.ratio().unwrap(), 1.0);
}

#[test]
fn every_entry_has_source_and_date_and_both_regions() {
    let t = table();
    assert_eq!(t.regions, vec!["us-east-1", "us-west-2"]);
    assert!(!t.retrieved.is_empty());
    for (k, p) in &t.resources {
        assert!(
            p.source.starts_with("http") || p.model == "free",
            "{k}: {}",
            p.source
        );
    }
    for (k, tab) in &t.tables {
        assert!(tab.source.starts_with("http"), "{k}");
    }
    // The validation refuses an entry without a region's price.
    let bad = r#"{"currency":"USD","source":"s","retrieved":"2026-11-27","regions":["us-east-1","us-west-2"],
      "spot_factor":0.3,"spot_source":"s","tables":{},
      "resources":{"aws_nat_gateway":{"model":"hourly","price":{"us-east-1":0.045},"source":"s","date":"2026-11-27"}}}"#;
    assert!(PriceTable::parse(bad).unwrap_err().contains("us-west-2"));
    let undated = bad.replace(r#","date":"2026-11-27""#, r#","date":"""#);
    assert!(PriceTable::parse(&undated).unwrap_err().contains("date"));
}

#[test]
fn every_resource_type_the_modules_declare_is_in_the_table() {
    let t = table();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure");
    let mut missing = vec![];
    let mut stack = vec![root.join("modules"), root.join("stacks")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with(".terraform") && !p.ends_with("examples") {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tf") {
                for line in std::fs::read_to_string(&p).unwrap().lines() {
                    if let Some(rest) = line.strip_prefix("resource \"") {
                        let ty = rest.split('"').next().unwrap();
                        if !t.resources.contains_key(ty) {
                            missing.push(format!("{ty} ({})", p.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in pricing/prices.json: {missing:?}"
    );
}

#[test]
fn node_group_disk_comes_from_its_launch_template() {
    let p = json!({"variables": {"environment": {"value": "prod"}, "region": {"value": "us-east-1"}},
    "resource_changes": [
      {"address": "module.eks.aws_launch_template.nodes", "mode": "managed", "type": "aws_launch_template", "module_address": "module.eks",
       "change": {"actions": ["no-op"], "after": {"id": "lt-1", "name": "nodes", "block_device_mappings": [{"ebs": [{"volume_size": 100, "volume_type": "gp3"}]}]}}},
      {"address": "module.eks.aws_eks_node_group.this", "mode": "managed", "type": "aws_eks_node_group", "module_address": "module.eks",
       "change": {"actions": ["no-op"], "after": {"instance_types": ["m7g.xlarge"], "capacity_type": "ON_DEMAND", "disk_size": 0,
         "launch_template": [{"id": "lt-1", "name": "nodes"}], "scaling_config": [{"desired_size": 3, "max_size": 3}]}}}
    ]});
    let e = estimate_plan(&table(), "prod-us-east-1-eks", &p);
    close(e.monthly, 381.41); // 3 * (0.1632 * 730 + 100 * 0.08)
    close(e.naive_monthly, 471.50); // 3 * (0.2016 * 730 + 100 * 0.10)
}
