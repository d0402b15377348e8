//! The stack graph: `stacks.toml` turned into stack instances for one
//! environment and its regions, with their edges and a topological order.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::GraphError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Region,
    Environment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    #[default]
    S3,
    Local,
}

/// One `[[stack]]` entry of `stacks.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StackDef {
    pub layer: String,
    pub scope: Scope,
    #[serde(default)]
    pub backend: Backend,
    #[serde(default)]
    pub description: String,
    /// terraform variable → reference (`layer.output`, `layer@primary.output`, ...).
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
    /// Ordering without values: `layer`, `layer@primary`, `layer@secondary`.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Outputs shown in the summary after `infra up`.
    #[serde(default)]
    pub summary_outputs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StacksFile {
    #[serde(default)]
    stack: Vec<StackDef>,
}

/// Which instance of a layer a reference means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Selector {
    /// The same region (or the environment stack).
    Same,
    Primary,
    Secondary,
}

/// A parsed `layer[@primary|@secondary].output`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputRef {
    pub layer: String,
    pub selector: Selector,
    pub output: Option<String>,
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parse `layer.output`, `layer@primary.output`, `layer@secondary.output`
/// (`with_output`), or the same without `.output` (for `depends_on`).
pub fn parse_ref(text: &str, with_output: bool) -> Option<InputRef> {
    let (head, output) = if with_output {
        let (h, o) = text.split_once('.')?;
        if !valid_name(o) {
            return None;
        }
        (h, Some(o.to_string()))
    } else {
        (text, None)
    };
    let (layer, selector) = match head.split_once('@') {
        None => (head, Selector::Same),
        Some((l, "primary")) => (l, Selector::Primary),
        Some((l, "secondary")) => (l, Selector::Secondary),
        Some(_) => return None,
    };
    valid_name(layer).then(|| InputRef {
        layer: layer.to_string(),
        selector,
        output,
    })
}

/// The stack definitions of `stacks.toml`.
#[derive(Debug, Clone)]
pub struct StackGraphDef {
    pub stacks: Vec<StackDef>,
}

impl StackGraphDef {
    pub fn load(path: &Path) -> Result<Self, GraphError> {
        let text = std::fs::read_to_string(path).map_err(|source| GraphError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, GraphError> {
        let file: StacksFile = toml::from_str(text).map_err(|e| GraphError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut seen = BTreeSet::new();
        for s in &file.stack {
            if !seen.insert(s.layer.clone()) {
                return Err(GraphError::DuplicateLayer(s.layer.clone()));
            }
        }
        for s in &file.stack {
            for (var, value) in &s.inputs {
                let r = parse_ref(value, true).ok_or_else(|| GraphError::BadReference {
                    layer: s.layer.clone(),
                    var: var.clone(),
                    value: value.clone(),
                })?;
                if !seen.contains(&r.layer) {
                    return Err(GraphError::UnknownLayer {
                        layer: s.layer.clone(),
                        target: r.layer,
                    });
                }
            }
            for value in &s.depends_on {
                let r = parse_ref(value, false).ok_or_else(|| GraphError::BadReference {
                    layer: s.layer.clone(),
                    var: "depends_on".into(),
                    value: value.clone(),
                })?;
                if !seen.contains(&r.layer) {
                    return Err(GraphError::UnknownLayer {
                        layer: s.layer.clone(),
                        target: r.layer,
                    });
                }
            }
        }
        let def = StackGraphDef { stacks: file.stack };
        def.bootstrap()?;
        Ok(def)
    }

    /// The layer that creates the state buckets (region scope, local backend).
    pub fn bootstrap(&self) -> Result<&StackDef, GraphError> {
        self.stacks
            .iter()
            .find(|s| s.backend == Backend::Local && s.scope == Scope::Region)
            .ok_or(GraphError::NoBootstrap)
    }

    pub fn get(&self, layer: &str) -> Option<&StackDef> {
        self.stacks.iter().find(|s| s.layer == layer)
    }

    /// Stack instances of `env` over all its `regions` (primary first).
    pub fn instantiate(
        &self,
        env: &str,
        primary: &str,
        regions: &[String],
    ) -> Result<StackGraph, GraphError> {
        let bootstrap = self.bootstrap()?.layer.clone();
        let id_of = |layer: &str, region: &str| -> String {
            match self.get(layer).map(|d| d.scope) {
                Some(Scope::Environment) => format!("{env}-global-{layer}"),
                _ => format!("{env}-{region}-{layer}"),
            }
        };
        let other = |layer: &str, region: &str| -> Result<String, GraphError> {
            if regions.len() != 2 {
                return Err(GraphError::NoSecondary {
                    layer: layer.to_string(),
                    env: env.to_string(),
                    count: regions.len(),
                });
            }
            Ok(regions
                .iter()
                .find(|r| r.as_str() != region)
                .cloned()
                .unwrap_or_default())
        };
        let resolve = |from: &StackDef, r: &InputRef, region: &str| -> Result<String, GraphError> {
            let target_region = match r.selector {
                Selector::Same => region.to_string(),
                Selector::Primary => primary.to_string(),
                Selector::Secondary => other(&from.layer, region)?,
            };
            Ok(id_of(&r.layer, &target_region))
        };

        let mut instances = vec![];
        for def in &self.stacks {
            let homes: Vec<(String, Option<String>)> = match def.scope {
                Scope::Region => regions
                    .iter()
                    .map(|r| (r.clone(), Some(r.clone())))
                    .collect(),
                Scope::Environment => vec![(primary.to_string(), None)],
            };
            for (region, regional) in homes {
                let id = match &regional {
                    Some(r) => format!("{env}-{r}-{}", def.layer),
                    None => format!("{env}-global-{}", def.layer),
                };
                let mut edges = vec![];
                let backend_of = if def.backend == Backend::S3 {
                    let b = id_of(&bootstrap, &region);
                    edges.push(Edge {
                        from: b.clone(),
                        kind: EdgeKind::Backend,
                        vars: vec![],
                        backend: true,
                    });
                    Some(b)
                } else {
                    None
                };
                let mut inputs = BTreeMap::new();
                let mut by_upstream: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for (var, value) in &def.inputs {
                    // Validated in `parse`.
                    let Some(r) = parse_ref(value, true) else {
                        continue;
                    };
                    let up = resolve(def, &r, &region)?;
                    by_upstream.entry(up.clone()).or_default().push(var.clone());
                    inputs.insert(
                        var.clone(),
                        ResolvedInput {
                            stack: up,
                            output: r.output.clone().unwrap_or_default(),
                        },
                    );
                }
                for (up, vars) in by_upstream {
                    edges.push(Edge {
                        from: up,
                        kind: EdgeKind::Inputs,
                        vars,
                        backend: false,
                    });
                }
                for value in &def.depends_on {
                    let Some(r) = parse_ref(value, false) else {
                        continue;
                    };
                    let up = resolve(def, &r, &region)?;
                    if !edges
                        .iter()
                        .any(|e| e.from == up && e.kind != EdgeKind::Backend)
                    {
                        edges.push(Edge {
                            from: up,
                            kind: EdgeKind::Order,
                            vars: vec![],
                            backend: false,
                        });
                    }
                }
                // An input edge to the bootstrap makes the backend edge redundant.
                if let Some(b) = &backend_of {
                    if edges.iter().filter(|e| &e.from == b).count() > 1 {
                        edges.retain(|e| !(&e.from == b && e.kind == EdgeKind::Backend));
                        if let Some(e) = edges.iter_mut().find(|e| &e.from == b) {
                            e.backend = true;
                        }
                    } else if let Some(e) = edges.iter_mut().find(|e| &e.from == b) {
                        e.backend = true;
                    }
                }
                // A layer reading its own primary (`layer@primary.x`, e.g. a
                // cross-region replica) is that primary itself in the primary
                // region: no edge and no value there; the variable keeps its
                // default (null), which tells the stack it is the primary.
                edges.retain(|e| e.from != id);
                inputs.retain(|_, i| i.stack != id);
                instances.push(StackInstance {
                    id,
                    layer: def.layer.clone(),
                    env: env.to_string(),
                    region,
                    scope: def.scope,
                    backend: def.backend,
                    backend_of,
                    inputs,
                    edges,
                    summary_outputs: def.summary_outputs.clone(),
                    external: false,
                });
            }
        }
        let graph = StackGraph {
            env: env.to_string(),
            instances,
        };
        graph.topo_order()?;
        Ok(graph)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// The downstream stack keeps its state in the upstream's bucket.
    Backend,
    /// The downstream stack takes values from the upstream's outputs.
    Inputs,
    /// `depends_on`: ordering only.
    Order,
}

/// An incoming edge of a stack instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub kind: EdgeKind,
    /// Variables fed by this edge (for `Inputs`).
    pub vars: Vec<String>,
    /// This upstream also holds the downstream's state.
    #[serde(skip)]
    pub backend: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedInput {
    pub stack: String,
    pub output: String,
}

/// One stack instance: a layer in an environment and region.
#[derive(Debug, Clone, Serialize)]
pub struct StackInstance {
    pub id: String,
    pub layer: String,
    pub env: String,
    /// The region it runs in (environment stacks: the primary region).
    pub region: String,
    pub scope: Scope,
    pub backend: Backend,
    /// The bootstrap instance whose bucket holds this stack's state.
    pub backend_of: Option<String>,
    pub inputs: BTreeMap<String, ResolvedInput>,
    pub edges: Vec<Edge>,
    pub summary_outputs: Vec<String>,
    /// Outside the selected regions: only read, never changed.
    pub external: bool,
}

impl StackInstance {
    /// Every upstream id (backend, inputs, ordering), without duplicates.
    pub fn upstreams(&self) -> Vec<String> {
        let mut v: Vec<String> = vec![];
        for e in &self.edges {
            if !v.contains(&e.from) {
                v.push(e.from.clone());
            }
        }
        v
    }

    /// `global` for environment stacks, else the region (state key, display).
    pub fn location(&self) -> &str {
        match self.scope {
            Scope::Environment => "global",
            Scope::Region => &self.region,
        }
    }

    /// `<env>/<region|global>/<layer>.tfstate`.
    pub fn state_key(&self) -> String {
        format!("{}/{}/{}.tfstate", self.env, self.location(), self.layer)
    }
}

/// The stack instances of one environment.
#[derive(Debug, Clone, Serialize)]
pub struct StackGraph {
    pub env: String,
    pub instances: Vec<StackInstance>,
}

impl StackGraph {
    pub fn get(&self, id: &str) -> Option<&StackInstance> {
        self.instances.iter().find(|i| i.id == id)
    }

    /// Keep the instances of `regions` (environment stacks when the primary
    /// region is selected), plus, marked `external`, the upstreams they need.
    pub fn select_regions(&self, regions: &[String]) -> StackGraph {
        let mut keep: BTreeSet<String> = self
            .instances
            .iter()
            .filter(|i| regions.contains(&i.region))
            .map(|i| i.id.clone())
            .collect();
        let selected = keep.clone();
        let mut stack: Vec<String> = keep.iter().cloned().collect();
        while let Some(id) = stack.pop() {
            if let Some(inst) = self.get(&id) {
                for up in inst.upstreams() {
                    if keep.insert(up.clone()) {
                        stack.push(up);
                    }
                }
            }
        }
        let instances = self
            .instances
            .iter()
            .filter(|i| keep.contains(&i.id))
            .map(|i| StackInstance {
                external: !selected.contains(&i.id),
                ..i.clone()
            })
            .collect();
        StackGraph {
            env: self.env.clone(),
            instances,
        }
    }

    /// Keep only the given layers (for `infra output --stack`), with no externals.
    pub fn filter_layers(&self, layers: &[String]) -> Result<Vec<&StackInstance>, GraphError> {
        for l in layers {
            if !self.instances.iter().any(|i| &i.layer == l) {
                let mut known: Vec<_> = self.instances.iter().map(|i| i.layer.clone()).collect();
                known.dedup();
                return Err(GraphError::UnknownStackFilter(l.clone(), known.join(", ")));
            }
        }
        Ok(self
            .instances
            .iter()
            .filter(|i| layers.is_empty() || layers.contains(&i.layer))
            .collect())
    }

    /// Instance ids in dependency order, grouped in levels (every stack of a
    /// level depends only on earlier levels). Stable: definition order.
    pub fn levels(&self) -> Result<Vec<Vec<String>>, GraphError> {
        let ids: BTreeSet<&str> = self.instances.iter().map(|i| i.id.as_str()).collect();
        let mut indegree: HashMap<&str, usize> = HashMap::new();
        for i in &self.instances {
            let n = i
                .upstreams()
                .iter()
                .filter(|u| ids.contains(u.as_str()))
                .count();
            indegree.insert(&i.id, n);
        }
        let mut done: BTreeSet<String> = BTreeSet::new();
        let mut levels = vec![];
        while done.len() < self.instances.len() {
            let level: Vec<String> = self
                .instances
                .iter()
                .filter(|i| !done.contains(&i.id))
                .filter(|i| {
                    i.upstreams()
                        .iter()
                        .all(|u| done.contains(u) || !ids.contains(u.as_str()))
                })
                .map(|i| i.id.clone())
                .collect();
            if level.is_empty() {
                let rest: Vec<_> = self
                    .instances
                    .iter()
                    .filter(|i| !done.contains(&i.id))
                    .map(|i| format!("`{}`", i.id))
                    .collect();
                return Err(GraphError::Cycle(rest.join(", ")));
            }
            done.extend(level.iter().cloned());
            levels.push(level);
        }
        Ok(levels)
    }

    pub fn topo_order(&self) -> Result<Vec<String>, GraphError> {
        Ok(self.levels()?.into_iter().flatten().collect())
    }

    /// Instances that depend on `id` directly.
    pub fn dependents(&self, id: &str) -> Vec<String> {
        self.instances
            .iter()
            .filter(|i| i.edges.iter().any(|e| e.from == id))
            .map(|i| i.id.clone())
            .collect()
    }
}

fn edge_label(e: &Edge) -> String {
    match e.kind {
        EdgeKind::Backend => "state".to_string(),
        EdgeKind::Order => "after".to_string(),
        EdgeKind::Inputs if e.backend => format!("state, {}", e.vars.join(", ")),
        EdgeKind::Inputs => e.vars.join(", "),
    }
}

fn node_label(i: &StackInstance) -> String {
    let mut l = format!("{} · {}", i.layer, i.location());
    if i.backend == Backend::Local {
        l.push_str(" · local state");
    }
    if i.external {
        l.push_str(" · read only");
    }
    l
}

impl StackGraph {
    /// Levels of stacks that can run at the same time, and every edge.
    pub fn render_text(&self, regions: &[String]) -> Result<String, GraphError> {
        let levels = self.levels()?;
        let mut out = format!(
            "environment {}: {} stacks in {} levels (regions: {})\n",
            self.env,
            self.instances.len(),
            levels.len(),
            regions.join(", ")
        );
        let w = self.instances.iter().map(|i| i.id.len()).max().unwrap_or(0);
        for (n, level) in levels.iter().enumerate() {
            out.push_str(&format!("\nlevel {n}\n"));
            for id in level {
                let Some(i) = self.get(id) else { continue };
                out.push_str(&format!("  {:<w$}  {}\n", i.id, node_label(i)));
                for e in &i.edges {
                    out.push_str(&format!(
                        "  {:<w$}    <- {} ({})\n",
                        "",
                        e.from,
                        edge_label(e)
                    ));
                }
            }
        }
        Ok(out)
    }

    /// Graphviz.
    pub fn render_dot(&self) -> Result<String, GraphError> {
        let order = self.topo_order()?;
        let mut out = format!(
            "digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box];\n",
            self.env
        );
        for id in &order {
            let Some(i) = self.get(id) else { continue };
            let style = if i.external { ", style=dashed" } else { "" };
            out.push_str(&format!(
                "  \"{}\" [label=\"{}\\n{}\"{style}];\n",
                i.id,
                i.id,
                node_label(i)
            ));
        }
        for id in &order {
            let Some(i) = self.get(id) else { continue };
            for e in &i.edges {
                let style = if e.kind == EdgeKind::Inputs {
                    ""
                } else {
                    ", style=dashed"
                };
                out.push_str(&format!(
                    "  \"{}\" -> \"{}\" [label=\"{}\"{style}];\n",
                    e.from,
                    i.id,
                    edge_label(e)
                ));
            }
        }
        out.push_str("}\n");
        Ok(out)
    }

    /// Mermaid flowchart.
    pub fn render_mermaid(&self) -> Result<String, GraphError> {
        let order = self.topo_order()?;
        let node = |id: &str| id.replace('-', "_");
        let mut out = String::from("flowchart LR\n");
        for id in &order {
            let Some(i) = self.get(id) else { continue };
            out.push_str(&format!(
                "  {}[\"{}<br/>{}\"]\n",
                node(&i.id),
                i.id,
                node_label(i)
            ));
        }
        for id in &order {
            let Some(i) = self.get(id) else { continue };
            for e in &i.edges {
                let arrow = if e.kind == EdgeKind::Inputs {
                    "-->"
                } else {
                    "-.->"
                };
                out.push_str(&format!(
                    "  {} {arrow}|{}| {}\n",
                    node(&e.from),
                    edge_label(e),
                    node(&i.id)
                ));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = r#"
[[stack]]
layer = "bootstrap"
scope = "region"
backend = "local"

[[stack]]
layer = "global"
scope = "environment"

[[stack]]
layer = "security"
scope = "region"
[stack.inputs]
audit_bucket_name = "global.audit_bucket_name"

[[stack]]
layer = "network"
scope = "region"
summary_outputs = ["vpc_id"]
[stack.inputs]
logs_kms_key_arn = "security.logs_kms_key_arn"
primary_vpc = "network@primary.vpc_id"

[[stack]]
layer = "peering"
scope = "region"
depends_on = ["security@secondary"]
[stack.inputs]
peer_vpc = "network@secondary.vpc_id"
"#;

    fn regions() -> Vec<String> {
        vec!["us-east-1".into(), "us-west-2".into()]
    }

    #[test]
    fn parses_references() {
        let r = parse_ref("security.logs_kms_key_arn", true).unwrap();
        assert_eq!(
            r,
            InputRef {
                layer: "security".into(),
                selector: Selector::Same,
                output: Some("logs_kms_key_arn".into())
            }
        );
        assert_eq!(
            parse_ref("network@primary.vpc_id", true).unwrap().selector,
            Selector::Primary
        );
        assert_eq!(
            parse_ref("network@secondary.vpc_id", true)
                .unwrap()
                .selector,
            Selector::Secondary
        );
        assert_eq!(parse_ref("security@secondary", false).unwrap().output, None);
        for bad in [
            "network",
            "network@tertiary.vpc_id",
            ".vpc_id",
            "network.",
            "a.b.c",
            "a b.c",
        ] {
            assert!(parse_ref(bad, true).is_none(), "{bad}");
        }
    }

    #[test]
    fn bad_reference_and_unknown_layer_are_errors() {
        let bad = "[[stack]]\nlayer='bootstrap'\nscope='region'\nbackend='local'\n[[stack]]\nlayer='x'\nscope='region'\n[stack.inputs]\na='nope'\n";
        let err = StackGraphDef::parse(bad, Path::new("s.toml")).unwrap_err();
        assert!(matches!(err, GraphError::BadReference { .. }), "{err}");
        let unknown = bad.replace("'nope'", "'ghost.out'");
        let err = StackGraphDef::parse(&unknown, Path::new("s.toml")).unwrap_err();
        assert!(matches!(err, GraphError::UnknownLayer { .. }), "{err}");
        let unknown_key = bad.replace("[stack.inputs]\na='nope'\n", "colour='red'\n");
        assert!(StackGraphDef::parse(&unknown_key, Path::new("s.toml")).is_err());
    }

    #[test]
    fn instantiates_ids_inputs_and_edges() {
        let def = StackGraphDef::parse(TOML, Path::new("s.toml")).unwrap();
        let g = def.instantiate("dev", "us-east-1", &regions()).unwrap();
        let sec = g.get("dev-us-west-2-security").unwrap();
        assert_eq!(sec.inputs["audit_bucket_name"].stack, "dev-global-global");
        assert_eq!(sec.backend_of.as_deref(), Some("dev-us-west-2-bootstrap"));
        assert_eq!(sec.state_key(), "dev/us-west-2/security.tfstate");
        let glob = g.get("dev-global-global").unwrap();
        assert_eq!(glob.region, "us-east-1");
        assert_eq!(glob.state_key(), "dev/global/global.tfstate");
        assert_eq!(
            glob.upstreams(),
            vec!["dev-us-east-1-bootstrap".to_string()]
        );
        let net_w = g.get("dev-us-west-2-network").unwrap();
        assert_eq!(net_w.inputs["primary_vpc"].stack, "dev-us-east-1-network");
        // The primary's own @primary reference is a self-edge and is dropped.
        let net_e = g.get("dev-us-east-1-network").unwrap();
        assert!(!net_e.upstreams().contains(&net_e.id));
        // ... and its input is omitted there (the variable keeps its default).
        assert!(!net_e.inputs.contains_key("primary_vpc"));
        assert!(net_e.inputs.contains_key("logs_kms_key_arn"));
        let peer = g.get("dev-us-east-1-peering").unwrap();
        assert_eq!(peer.inputs["peer_vpc"].stack, "dev-us-west-2-network");
        assert!(peer
            .upstreams()
            .contains(&"dev-us-west-2-security".to_string()));
        assert_eq!(g.dependents("dev-us-east-1-bootstrap").len(), 4);
    }

    #[test]
    fn topo_order_respects_every_edge() {
        let def = StackGraphDef::parse(TOML, Path::new("s.toml")).unwrap();
        let g = def.instantiate("dev", "us-east-1", &regions()).unwrap();
        let order = g.topo_order().unwrap();
        assert_eq!(order.len(), g.instances.len());
        let pos = |id: &str| order.iter().position(|x| x == id).unwrap();
        for i in &g.instances {
            for up in i.upstreams() {
                assert!(pos(&up) < pos(&i.id), "{up} before {}", i.id);
            }
        }
        let levels = g.levels().unwrap();
        assert_eq!(
            levels[0],
            vec!["dev-us-east-1-bootstrap", "dev-us-west-2-bootstrap"]
        );
        assert_eq!(levels[1], vec!["dev-global-global"]);
    }

    #[test]
    fn secondary_needs_two_regions_and_cycles_are_found() {
        let def = StackGraphDef::parse(TOML, Path::new("s.toml")).unwrap();
        let err = def
            .instantiate("dev", "us-east-1", &["us-east-1".into()])
            .unwrap_err();
        assert!(matches!(err, GraphError::NoSecondary { .. }), "{err}");
        let cyclic = "[[stack]]\nlayer='b'\nscope='region'\nbackend='local'\n[[stack]]\nlayer='x'\nscope='region'\ndepends_on=['y']\n[[stack]]\nlayer='y'\nscope='region'\ndepends_on=['x']\n";
        let def = StackGraphDef::parse(cyclic, Path::new("s.toml")).unwrap();
        let err = def.instantiate("dev", "us-east-1", &regions()).unwrap_err();
        assert!(matches!(err, GraphError::Cycle(_)), "{err}");
    }

    #[test]
    fn selecting_a_region_keeps_needed_upstreams_as_external() {
        let def = StackGraphDef::parse(TOML, Path::new("s.toml")).unwrap();
        let g = def.instantiate("dev", "us-east-1", &regions()).unwrap();
        let w = g.select_regions(&["us-west-2".into()]);
        let glob = w.get("dev-global-global").unwrap();
        assert!(glob.external);
        assert!(w.get("dev-us-east-1-bootstrap").unwrap().external);
        assert!(!w.get("dev-us-west-2-network").unwrap().external);
        let e = g.select_regions(&["us-east-1".into()]);
        assert!(!e.get("dev-global-global").unwrap().external);
    }

    #[test]
    fn repository_stacks_toml_loads() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../infrastructure/stacks/stacks.toml");
        let def = StackGraphDef::load(&path).unwrap();
        assert_eq!(def.bootstrap().unwrap().layer, "bootstrap");
        def.instantiate("prod", "us-east-1", &regions()).unwrap();
    }
}
