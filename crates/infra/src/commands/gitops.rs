//! `infra gitops bootstrap`: Argo CD on each cluster of the environment, with
//! kubectl (docs/gitops.md "How a cluster gets its platform"). Also run by
//! `infra up --target aws` once every stack applied.
//!
//! Per region: a kubeconfig from the `eks` stack's outputs (the admin access
//! role through `aws eks get-token`), the `argocd` namespace, the pinned Argo
//! CD install manifest, a wait for its CRDs and controllers, the Argo CD
//! cluster secret rendered from `gitops_bridge` (decision 0014), and
//! `kubectl apply -k gitops/clusters/<env>`. Every step is idempotent (apply,
//! never create), so a failed bootstrap is fixed by running it again.
//!
//! Documents piped to kubectl are JSON (kubectl reads JSON manifests; a
//! kubeconfig in JSON is YAML too).

use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use infra_core::envdata::Tier;
use infra_core::error::InvalidInput;
use infra_core::executor::Published;
use infra_core::graph::StackGraph;
use infra_core::ops::{Ctx, Operation};
use infra_core::printer::{format_duration, Printer, RunReport, StackReport, StackStatus};
use infra_core::settings::{Settings, Target};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::Loaded;
use crate::cli::{BootstrapArgs, GitopsArgs, GitopsCommand};
use crate::exit;

/// The layer whose outputs describe a cluster.
pub const EKS_LAYER: &str = "eks";

/// The Argo CD release the bootstrap installs (docs/gitops.md). Upgrading:
/// change it here and in the docs; Argo CD then manages itself no further
/// (the install manifest is applied by the bootstrap only).
pub const ARGOCD_VERSION: &str = "v3.1.5";

/// Namespace of Argo CD.
pub const ARGOCD_NAMESPACE: &str = "argocd";

/// The pinned install manifest: the HA variant for production, the plain
/// one elsewhere.
pub fn argocd_manifest_url(tier: Tier) -> String {
    let path = match tier {
        Tier::Production => "manifests/ha/install.yaml",
        Tier::NonProduction => "manifests/install.yaml",
    };
    format!("https://raw.githubusercontent.com/argoproj/argo-cd/{ARGOCD_VERSION}/{path}")
}

/// Labels of the cluster secret that `gitops_bridge` must provide (docs/gitops.md, "The GitOps bridge").
pub const BRIDGE_LABELS: &[&str] = &[
    "ecom.io/environment",
    "ecom.io/region",
    "ecom.io/tier",
    "ecom.io/cluster",
];

/// Annotations of the cluster secret that `gitops_bridge` must provide.
pub const BRIDGE_ANNOTATIONS: &[&str] = &[
    "ecom.io/aws-cluster-name",
    "ecom.io/aws-region",
    "ecom.io/aws-vpc-id",
    "ecom.io/container-log-group",
    "ecom.io/aws-account-id",
    "ecom.io/aws-cluster-arn",
    "ecom.io/kubernetes-version",
    "ecom.io/node-security-group-id",
    "ecom.io/lb-controller-target-tag",
];

/// Argo CD's controllers the bootstrap waits for before applying anything
/// Argo CD reads: the API server, the repo server (renders the manifests),
/// the ApplicationSet controller (generates the Applications) and the
/// application controller (syncs them).
const ROLLOUTS: &[&str] = &[
    "deployment/argocd-server",
    "deployment/argocd-repo-server",
    "deployment/argocd-applicationset-controller",
    "statefulset/argocd-application-controller",
];

/// Argo CD's CRDs that `gitops/clusters/<env>` uses.
const CRDS: &[&str] = &[
    "crd/applications.argoproj.io",
    "crd/applicationsets.argoproj.io",
    "crd/appprojects.argoproj.io",
];

/// The kubectl executable (`INFRA_KUBECTL`, default `kubectl` on PATH).
pub fn kubectl_bin() -> String {
    std::env::var("INFRA_KUBECTL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "kubectl".to_string())
}

/// One cluster's facts, from its `eks` stack's outputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The eks stack instance (`<env>-<region>-eks`).
    pub stack: String,
    pub region: String,
    pub name: String,
    pub endpoint: String,
    pub ca_data: String,
    /// `access_role_arns.admin`: the role kubectl acts as.
    pub admin_role_arn: String,
    /// `gitops_bridge.labels`.
    pub labels: Map<String, Value>,
    /// `gitops_bridge.annotations`.
    pub annotations: Map<String, Value>,
}

impl Cluster {
    /// Read the facts from the stack's outputs; the error names what is missing.
    pub fn from_outputs(
        stack: &str,
        region: &str,
        outs: &Map<String, Value>,
    ) -> std::result::Result<Self, String> {
        let missing = |what: &str| {
            format!(
                "`{stack}` has no output `{what}`; re-apply the eks stack (`infra up --region {region}`) with this version of the repository"
            )
        };
        let text = |v: Option<&Value>, what: &str| {
            v.and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(String::from)
                .ok_or_else(|| missing(what))
        };
        let bridge = outs
            .get("gitops_bridge")
            .and_then(Value::as_object)
            .ok_or_else(|| missing("gitops_bridge"))?;
        let map = |key: &str| {
            bridge
                .get(key)
                .and_then(Value::as_object)
                .cloned()
                .ok_or_else(|| missing(&format!("gitops_bridge.{key}")))
        };
        let labels = map("labels")?;
        let annotations = map("annotations")?;
        for (kind, keys, have) in [
            ("labels", BRIDGE_LABELS, &labels),
            ("annotations", BRIDGE_ANNOTATIONS, &annotations),
        ] {
            if let Some(k) = keys.iter().find(|k| !have.contains_key(**k)) {
                return Err(missing(&format!("gitops_bridge.{kind}[\"{k}\"]")));
            }
        }
        Ok(Cluster {
            stack: stack.to_string(),
            region: region.to_string(),
            name: text(outs.get("cluster_name"), "cluster_name")?,
            endpoint: text(outs.get("cluster_endpoint"), "cluster_endpoint")?,
            ca_data: text(
                outs.get("cluster_certificate_authority_data"),
                "cluster_certificate_authority_data",
            )?,
            admin_role_arn: text(
                outs.get("access_role_arns").and_then(|a| a.get("admin")),
                "access_role_arns.admin",
            )?,
            labels,
            annotations,
        })
    }
}

fn string_map(m: &Map<String, Value>) -> Map<String, Value> {
    m.iter()
        .map(|(k, v)| {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (k.clone(), Value::String(s))
        })
        .collect()
}

/// A kubeconfig for the cluster: its endpoint and CA, and a user that gets
/// a token as the admin access role (`aws eks get-token --role-arn`).
pub fn render_kubeconfig(c: &Cluster) -> Value {
    let user = format!("{}-admin", c.name);
    json!({
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{
            "name": c.name,
            "cluster": {
                "server": c.endpoint,
                "certificate-authority-data": c.ca_data,
            },
        }],
        "users": [{
            "name": user,
            "user": {
                "exec": {
                    "apiVersion": "client.authentication.k8s.io/v1beta1",
                    "command": "aws",
                    "args": [
                        "eks", "get-token",
                        "--cluster-name", c.name,
                        "--region", c.region,
                        "--role-arn", c.admin_role_arn,
                        "--output", "json",
                    ],
                    "interactiveMode": "Never",
                    "provideClusterInfo": false,
                },
            },
        }],
        "contexts": [{
            "name": c.name,
            "context": { "cluster": c.name, "user": user },
        }],
        "current-context": c.name,
        "preferences": {},
    })
}

/// The `argocd` namespace (applied, so running the bootstrap again is harmless).
pub fn render_namespace() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": ARGOCD_NAMESPACE,
            "labels": { "kubernetes.io/metadata.name": ARGOCD_NAMESPACE },
        },
    })
}

/// The Argo CD cluster secret (`gitops/bridge/cluster-secret.example.yaml`):
/// `gitops_bridge`'s labels and annotations as they are, plus the label that
/// makes it a cluster secret; Argo CD manages the cluster it runs in, so the
/// server is the in-cluster API and there are no credentials.
pub fn render_cluster_secret(c: &Cluster) -> Value {
    let mut labels = string_map(&c.labels);
    labels.insert(
        "argocd.argoproj.io/secret-type".into(),
        Value::String("cluster".into()),
    );
    json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {
            "name": "in-cluster",
            "namespace": ARGOCD_NAMESPACE,
            "labels": labels,
            "annotations": string_map(&c.annotations),
        },
        "type": "Opaque",
        "stringData": {
            "name": c.name,
            "server": "https://kubernetes.default.svc",
            "config": "{\"tlsClientConfig\":{\"insecure\":false}}",
        },
    })
}

/// One kubectl call of the bootstrap.
#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    /// Arguments after the executable (`--kubeconfig <path>` first).
    pub args: Vec<String>,
    /// The document piped on stdin (`-f -`).
    pub stdin: Option<Value>,
    /// What to do when it fails.
    pub hint: String,
}

/// What the steps need besides the cluster.
pub struct Plan<'a> {
    pub env: &'a str,
    pub kubeconfig: &'a Path,
    pub manifest: &'a str,
    /// `<root>/gitops/clusters/<env>`.
    pub apps_dir: &'a Path,
    pub timeout: &'a str,
    /// `""` or `" --target aws"`, for the commands the hints suggest.
    pub target_flag: &'a str,
}

/// The kubectl calls for one cluster, in order.
pub fn steps(c: &Cluster, plan: &Plan) -> Vec<Step> {
    let kc = plan.kubeconfig.display().to_string();
    let step = |name: &str, args: &[&str], stdin: Option<Value>, hint: String| Step {
        name: name.to_string(),
        args: ["--kubeconfig", kc.as_str()]
            .iter()
            .chain(args)
            .map(|s| s.to_string())
            .collect(),
        stdin,
        hint,
    };
    let rerun = format!(
        "then run `infra gitops bootstrap --env {} --region {}{}` again (every step is idempotent)",
        plan.env, c.region, plan.target_flag
    );
    let timeout = format!("--timeout={}", plan.timeout);
    let mut v = vec![
        step(
            "namespace",
            &["apply", "-f", "-"],
            Some(render_namespace()),
            format!(
                "check that this machine reaches the cluster's API `{}` (production's endpoint is private: run inside the VPC) and that your AWS credentials may assume `{}` (try `aws eks get-token --cluster-name {} --region {} --role-arn {}`); {rerun}",
                c.endpoint, c.admin_role_arn, c.name, c.region, c.admin_role_arn
            ),
        ),
        step(
            "argocd-install",
            &[
                "apply",
                "-n",
                ARGOCD_NAMESPACE,
                "--server-side",
                "--force-conflicts",
                "-f",
                plan.manifest,
            ],
            None,
            format!(
                "kubectl reads `{}` itself: a URL needs internet access from this machine; without it pass `--argocd-manifest <path or URL>` with a mirrored copy of Argo CD {ARGOCD_VERSION}; {rerun}",
                plan.manifest
            ),
        ),
        step(
            "argocd-crds",
            &[
                &["wait", "--for", "condition=established", timeout.as_str()][..],
                CRDS,
            ]
            .concat(),
            None,
            format!(
                "Argo CD's CRDs were not established within {}: look at `kubectl --kubeconfig {kc} get crd | grep argoproj.io`; {rerun}",
                plan.timeout
            ),
        ),
    ];
    for target in ROLLOUTS {
        v.push(step(
            &format!("rollout {target}"),
            &[
                "-n",
                ARGOCD_NAMESPACE,
                "rollout",
                "status",
                target,
                timeout.as_str(),
            ],
            None,
            format!(
                "`{target}` did not become ready within {}: look at `kubectl --kubeconfig {kc} -n {ARGOCD_NAMESPACE} get pods` and `describe` its pods (pending: the node groups are empty or too small; image pull errors: the nodes' egress); if it was only slow, raise `--timeout`; {rerun}",
                plan.timeout
            ),
        ));
    }
    v.push(step(
        "cluster-secret",
        &["apply", "-f", "-"],
        Some(render_cluster_secret(c)),
        format!(
            "the secret is rendered from `{}`'s output `gitops_bridge` (`infra output --env {} --stack eks{}`); fix what kubectl says above; {rerun}",
            c.stack, plan.env, plan.target_flag
        ),
    ));
    let apps = plan.apps_dir.display().to_string();
    v.push(step(
        "apps",
        &["apply", "-k", apps.as_str()],
        None,
        format!(
            "check that `kubectl kustomize {apps}` renders (`python3 -m pytest gitops/tests`) and that Argo CD's CRDs exist; {rerun}"
        ),
    ));
    v
}

/// A command line as a shell would take it.
pub fn shell_line(bin: &str, args: &[String]) -> String {
    std::iter::once(bin)
        .chain(args.iter().map(String::as_str))
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c));
            if plain {
                a.to_string()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    Ok,
    Failed,
    /// Not reached: an earlier step failed or the run was interrupted.
    NotRun,
    /// `--dry-run`: shown, not run.
    DryRun,
    Interrupted,
}

impl StepStatus {
    fn as_str(self) -> &'static str {
        match self {
            StepStatus::Ok => "ok",
            StepStatus::Failed => "failed",
            StepStatus::NotRun => "not-run",
            StepStatus::DryRun => "dry-run",
            StepStatus::Interrupted => "interrupted",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub name: String,
    pub command: String,
    pub status: StepStatus,
    pub duration_secs: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// kubectl's stderr (failures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
    /// `--dry-run`: the document that would be piped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdin: Option<Value>,
    /// What to do (failures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterReport {
    pub stack: String,
    pub region: String,
    pub cluster: String,
    pub kubeconfig: String,
    pub status: StepStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `--dry-run`: the kubeconfig that would be written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubeconfig_document: Option<Value>,
    pub steps: Vec<StepReport>,
}

/// The result of a bootstrap (the `--json` document).
#[derive(Debug, Clone, Serialize)]
pub struct GitopsReport {
    pub command: String,
    pub env: String,
    pub target: String,
    pub dry_run: bool,
    pub argocd_manifest: String,
    pub kubectl: String,
    pub clusters: Vec<ClusterReport>,
    pub exit_code: i32,
}

/// How to bootstrap.
pub struct Options {
    pub dry_run: bool,
    pub manifest: String,
    pub timeout: String,
}

impl Options {
    /// Defaults for `infra up`: the pinned manifest of the environment's tier.
    pub fn for_env(tier: Tier) -> Self {
        Options {
            dry_run: false,
            manifest: argocd_manifest_url(tier),
            timeout: "5m".into(),
        }
    }
}

pub fn kubeconfig_path(s: &Settings, env: &str, region: &str) -> PathBuf {
    s.target_home()
        .join("kube")
        .join(format!("{env}-{region}.yaml"))
}

fn write_kubeconfig(path: &Path, doc: &Value) -> Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(doc)? + "\n";
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    // An existing file keeps its mode on open: set it.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))
        .with_context(|| format!("cannot chmod `{}`", path.display()))?;
    f.write_all(text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

enum Ran {
    Ok,
    Failed { code: Option<i32>, stderr: String },
    Interrupted,
}

fn run_kubectl(bin: &str, args: &[String], stdin: Option<&Value>) -> Ran {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Ran::Failed {
                code: None,
                stderr: format!(
                    "cannot run `{bin}`: {e}; install kubectl or point INFRA_KUBECTL at it (`infra doctor`)"
                ),
            }
        }
    };
    let writer = match (stdin, child.stdin.take()) {
        (Some(doc), Some(mut pipe)) => {
            let text = serde_json::to_string_pretty(doc).unwrap_or_default() + "\n";
            Some(std::thread::spawn(move || {
                let _ = pipe.write_all(text.as_bytes());
            }))
        }
        _ => None,
    };
    let out = child.wait_with_output();
    if let Some(w) = writer {
        let _ = w.join();
    }
    match out {
        Ok(o) if o.status.success() => Ran::Ok,
        // Ctrl-C reaches kubectl too (same process group): SIGINT/SIGTERM.
        Ok(o) if matches!(o.status.signal(), Some(2 | 15)) || o.status.code() == Some(130) => {
            Ran::Interrupted
        }
        Ok(o) => Ran::Failed {
            code: o.status.code(),
            stderr: String::from_utf8_lossy(&o.stderr).trim().to_string(),
        },
        Err(e) => Ran::Failed {
            code: None,
            stderr: format!("waiting for `{bin}`: {e}"),
        },
    }
}

/// Bootstrap Argo CD on each cluster (one after the other, in the given
/// order). A failing step stops its cluster; the others still run.
pub fn bootstrap(
    s: &Settings,
    p: &Printer,
    env: &str,
    clusters: &[Cluster],
    o: &Options,
) -> GitopsReport {
    let kubectl = kubectl_bin();
    let apps_dir = s.root.join("gitops").join("clusters").join(env);
    let mut reports = vec![];
    let mut interrupted = false;
    for c in clusters {
        let kc = kubeconfig_path(s, env, &c.region);
        let plan = Plan {
            env,
            kubeconfig: &kc,
            manifest: &o.manifest,
            apps_dir: &apps_dir,
            timeout: &o.timeout,
            target_flag: target_flag(s),
        };
        let doc = render_kubeconfig(c);
        let mut report = ClusterReport {
            stack: c.stack.clone(),
            region: c.region.clone(),
            cluster: c.name.clone(),
            kubeconfig: kc.display().to_string(),
            status: StepStatus::Ok,
            message: None,
            kubeconfig_document: o.dry_run.then(|| doc.clone()),
            steps: vec![],
        };
        let all = steps(c, &plan);
        if o.dry_run {
            report.status = StepStatus::DryRun;
            report.steps = all
                .iter()
                .map(|st| StepReport {
                    name: st.name.clone(),
                    command: shell_line(&kubectl, &st.args),
                    status: StepStatus::DryRun,
                    duration_secs: 0.0,
                    exit_code: None,
                    stderr: None,
                    stdin: st.stdin.clone(),
                    hint: None,
                })
                .collect();
            reports.push(report);
            continue;
        }
        if interrupted {
            report.status = StepStatus::NotRun;
            report.message = Some("interrupted before this cluster".into());
            reports.push(report);
            continue;
        }
        if let Err(e) = write_kubeconfig(&kc, &doc) {
            report.status = StepStatus::Failed;
            report.message = Some(format!("{e:#}"));
            reports.push(report);
            continue;
        }
        p.info(&format!(
            "gitops {}: Argo CD on `{}` (kubeconfig {})",
            c.region,
            c.name,
            kc.display()
        ));
        let mut stopped = false;
        for st in &all {
            let command = shell_line(&kubectl, &st.args);
            let mut sr = StepReport {
                name: st.name.clone(),
                command: command.clone(),
                status: StepStatus::NotRun,
                duration_secs: 0.0,
                exit_code: None,
                stderr: None,
                stdin: None,
                hint: None,
            };
            if stopped {
                report.steps.push(sr);
                continue;
            }
            p.info(&format!("gitops {}: {} ...", c.region, st.name));
            p.verbose(&format!("$ {command}"));
            let began = Instant::now();
            let ran = run_kubectl(&kubectl, &st.args, st.stdin.as_ref());
            sr.duration_secs = began.elapsed().as_secs_f64();
            match ran {
                Ran::Ok => sr.status = StepStatus::Ok,
                Ran::Interrupted => {
                    sr.status = StepStatus::Interrupted;
                    report.status = StepStatus::Interrupted;
                    report.message = Some(format!("interrupted during `{}`", st.name));
                    interrupted = true;
                    stopped = true;
                }
                Ran::Failed { code, stderr } => {
                    sr.status = StepStatus::Failed;
                    sr.exit_code = code;
                    sr.hint = Some(st.hint.clone());
                    report.status = StepStatus::Failed;
                    report.message = Some(format!(
                        "step `{}` failed: `{command}`{}\n{}\nwhat to do: {}",
                        st.name,
                        code.map(|c| format!(" (exit {c})")).unwrap_or_default(),
                        if stderr.is_empty() {
                            "(kubectl printed nothing on stderr)"
                        } else {
                            stderr.as_str()
                        },
                        st.hint
                    ));
                    sr.stderr = Some(stderr);
                    stopped = true;
                }
            }
            report.steps.push(sr);
        }
        if report.status == StepStatus::Failed {
            // The details are in the result (stdout); with --json, stderr
            // gets them too, for a reader of the log.
            match &report.message {
                Some(m) if p.is_json() => p.error(&format!("gitops {}: {m}", c.region)),
                _ => p.info(&format!("gitops {}: failed, see below", c.region)),
            }
        }
        reports.push(report);
    }
    let exit_code = if interrupted {
        exit::INTERRUPTED
    } else if reports.iter().any(|r| r.status == StepStatus::Failed) {
        exit::FAILURE
    } else {
        exit::OK
    };
    GitopsReport {
        command: "gitops bootstrap".into(),
        env: env.to_string(),
        target: s.target.as_str().into(),
        dry_run: o.dry_run,
        argocd_manifest: o.manifest.clone(),
        kubectl,
        clusters: reports,
        exit_code,
    }
}

/// The text result of a bootstrap.
pub fn format_report(r: &GitopsReport) -> String {
    let mut out = format!(
        "infra gitops bootstrap{}: env {}, target {}, Argo CD {}\n",
        if r.dry_run { " --dry-run" } else { "" },
        r.env,
        r.target,
        r.argocd_manifest
    );
    for c in &r.clusters {
        out.push_str(&format!(
            "\n  {}  {}  {}\n    kubeconfig {}{}\n",
            c.region,
            c.cluster,
            c.status.as_str(),
            c.kubeconfig,
            if r.dry_run { " (not written)" } else { "" }
        ));
        if let Some(doc) = &c.kubeconfig_document {
            out.push_str(&indent(
                &serde_json::to_string_pretty(doc).unwrap_or_default(),
                6,
            ));
        }
        let w = c.steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
        for st in &c.steps {
            if r.dry_run {
                match &st.stdin {
                    Some(doc) => out.push_str(&format!(
                        "    $ {} <<'EOF'\n{}      EOF\n",
                        st.command,
                        indent(&serde_json::to_string_pretty(doc).unwrap_or_default(), 6)
                    )),
                    None => out.push_str(&format!("    $ {}\n", st.command)),
                }
                continue;
            }
            let line = format!(
                "    {:<8} {:<w$}  {:>6}",
                st.status.as_str(),
                st.name,
                if st.status == StepStatus::NotRun {
                    String::new()
                } else {
                    format_duration(st.duration_secs)
                }
            );
            out.push_str(line.trim_end());
            out.push('\n');
            if st.status == StepStatus::Failed {
                out.push_str(&format!(
                    "      $ {}{}\n",
                    st.command,
                    st.exit_code
                        .map(|c| format!("   (exit {c})"))
                        .unwrap_or_default()
                ));
                for line in st.stderr.iter().flat_map(|e| e.lines()).take(15) {
                    out.push_str(&format!("      {line}\n"));
                }
                if let Some(h) = &st.hint {
                    out.push_str(&format!("      what to do: {h}\n"));
                }
            }
        }
        if c.steps.is_empty() || c.status == StepStatus::Interrupted {
            if let Some(m) = &c.message {
                out.push_str(&format!("    {m}\n"));
            }
        }
    }
    let count = |st: StepStatus| r.clusters.iter().filter(|c| c.status == st).count();
    out.push_str(&format!(
        "\n{} cluster{}: {}\n",
        r.clusters.len(),
        if r.clusters.len() == 1 { "" } else { "s" },
        [
            StepStatus::Ok,
            StepStatus::Failed,
            StepStatus::Interrupted,
            StepStatus::NotRun,
            StepStatus::DryRun
        ]
        .iter()
        .filter(|st| count(**st) > 0)
        .map(|st| format!("{} {}", count(*st), st.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
    ));
    out
}

fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines().map(|l| format!("{pad}{l}\n")).collect()
}

/// The eks instances of the selected regions and the bootstrap stacks that
/// hold their state: all `infra output --stack eks` needs to read.
fn eks_graph(graph: &StackGraph) -> StackGraph {
    let eks: Vec<_> = graph
        .instances
        .iter()
        .filter(|i| i.layer == EKS_LAYER && !i.external)
        .collect();
    let keep: BTreeSet<String> = eks
        .iter()
        .flat_map(|i| std::iter::once(i.id.clone()).chain(i.backend_of.clone()))
        .collect();
    StackGraph {
        env: graph.env.clone(),
        instances: graph
            .instances
            .iter()
            .filter(|i| keep.contains(&i.id))
            .map(|i| {
                let mut i = i.clone();
                i.edges.retain(|e| keep.contains(&e.from));
                i
            })
            .collect(),
    }
}

/// Read the clusters of the selected regions from their eks stacks' state
/// (the way `infra output` does). Fails, naming the stacks, when one is not
/// applied. `None`: interrupted (Ctrl-C).
fn read_clusters(s: &Settings, p: &Printer, l: &Loaded) -> Result<Option<Vec<Cluster>>> {
    let graph = eks_graph(&l.graph);
    if !graph.instances.iter().any(|i| i.layer == EKS_LAYER) {
        bail!(
            "`{}` has no `{EKS_LAYER}` layer: there is no cluster to bootstrap",
            s.stacks_file().display()
        );
    }
    let sub = Loaded {
        env: l.env.clone(),
        regions: l.regions.clone(),
        graph,
    };
    let only = [EKS_LAYER.to_string()];
    let report = super::run_stacks(s, p, &sub, Operation::Output, Some(&only))?;
    if report.exit_code == exit::INTERRUPTED {
        return Ok(None);
    }
    let mut clusters = vec![];
    let mut problems = vec![];
    for st in &report.stacks {
        match st.status {
            StackStatus::Read => {
                let outs: Map<String, Value> = st.outputs.clone().into_iter().collect();
                match Cluster::from_outputs(&st.id, &st.region, &outs) {
                    Ok(c) => clusters.push(c),
                    Err(e) => problems.push(e),
                }
            }
            StackStatus::NotDeployed => problems.push(format!(
                "`{}` has not been applied (no state); run `infra up --env {} --region {}{}` first",
                st.id,
                l.env.name,
                st.region,
                target_flag(s)
            )),
            _ => problems.push(format!(
                "cannot read the outputs of `{}`: {}{}",
                st.id,
                st.message.as_deref().unwrap_or(st.status.as_str()),
                st.log
                    .as_ref()
                    .map(|l| format!(" (log: {l})"))
                    .unwrap_or_default()
            )),
        }
    }
    if !problems.is_empty() {
        bail!(
            "cannot bootstrap Argo CD; nothing was applied:\n  {}",
            problems.join("\n  ")
        );
    }
    Ok(Some(clusters))
}

fn target_flag(s: &Settings) -> &'static str {
    match s.target {
        Target::Local => "",
        Target::Aws => " --target aws",
    }
}

fn check_timeout(t: &str) -> Result<()> {
    let ok = !t.is_empty()
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || "hms.".contains(c));
    if !ok {
        return Err(InvalidInput::Other(format!(
            "`--timeout {t}` is not a duration like `300s`, `5m` or `1h`"
        ))
        .into());
    }
    Ok(())
}

fn check_manifest(m: &str) -> Result<()> {
    let url = m.starts_with("https://") || m.starts_with("http://");
    if !url && !Path::new(m).exists() {
        return Err(InvalidInput::Other(format!(
            "`--argocd-manifest {m}` is neither an http(s) URL nor an existing file"
        ))
        .into());
    }
    Ok(())
}

fn print_report(p: &Printer, r: &GitopsReport) {
    if p.is_json() {
        p.json(r);
    } else {
        p.out(&format_report(r));
    }
}

pub fn run(s: &Settings, p: &Printer, a: &GitopsArgs) -> Result<i32> {
    match &a.command {
        GitopsCommand::Bootstrap(b) => run_bootstrap(s, p, b),
    }
}

fn run_bootstrap(s: &Settings, p: &Printer, a: &BootstrapArgs) -> Result<i32> {
    check_timeout(&a.timeout)?;
    if let Some(m) = &a.argocd_manifest {
        check_manifest(m)?;
    }
    let loaded = super::load(s)?;
    let apps_dir = s
        .root
        .join("gitops")
        .join("clusters")
        .join(&loaded.env.name);
    if !apps_dir.is_dir() {
        bail!(
            "`{}` does not exist: the environment has no GitOps directory to apply",
            apps_dir.display()
        );
    }
    let Some(clusters) = read_clusters(s, p, &loaded)? else {
        p.error("interrupted while reading the eks stacks' outputs; nothing was applied");
        return Ok(exit::INTERRUPTED);
    };
    if s.target == Target::Local && !a.dry_run {
        p.warn(
            "target local: the emulator's clusters have no Kubernetes API, so a real kubectl fails here \
             (`--dry-run` shows the commands; INFRA_KUBECTL may name a stand-in)",
        );
    }
    let o = Options {
        dry_run: a.dry_run,
        manifest: a
            .argocd_manifest
            .clone()
            .unwrap_or_else(|| argocd_manifest_url(loaded.env.data.tier)),
        timeout: a.timeout.clone(),
    };
    let report = bootstrap(s, p, &loaded.env.name, &clusters, &o);
    print_report(p, &report);
    Ok(report.exit_code)
}

/// The clusters `infra up` just applied (from the run's outputs, no second
/// read): passed to [`super::run_stacks_then`].
pub fn clusters_of_run(ctx: &Ctx, _: &[StackReport]) -> Vec<std::result::Result<Cluster, String>> {
    ctx.graph
        .instances
        .iter()
        .filter(|i| i.layer == EKS_LAYER && !i.external)
        .map(|i| match ctx.board.get(&i.id) {
            Some(Published::Ok(k)) => Cluster::from_outputs(&i.id, &i.region, &k.outputs),
            _ => Err(format!("`{}` did not finish", i.id)),
        })
        .collect()
}

/// The end of `infra up`: the summary and, on AWS, the bootstrap of the
/// clusters just applied (unless `--skip-gitops`). One JSON document with
/// `--json` (the run report with a `gitops` member).
pub fn finish_up(
    s: &Settings,
    p: &Printer,
    l: &Loaded,
    report: &RunReport,
    clusters: Vec<std::result::Result<Cluster, String>>,
    skip: bool,
) -> Result<i32> {
    if report.exit_code != exit::OK || clusters.is_empty() {
        return Ok(super::finish(p, report));
    }
    let skipped = |reason: String| -> Result<i32> {
        if p.is_json() {
            let mut v = serde_json::to_value(report)?;
            v["gitops"] = json!({ "status": "skipped", "reason": reason });
            p.json(&v);
        } else {
            p.out(&infra_core::printer::format_summary(report));
            p.out(&format!("gitops: bootstrap skipped: {reason}"));
        }
        Ok(report.exit_code)
    };
    if skip {
        return skipped(format!(
            "--skip-gitops (run `infra gitops bootstrap --env {}{}` later)",
            l.env.name,
            target_flag(s)
        ));
    }
    if s.target == Target::Local {
        return skipped(
            "the emulator has no Kubernetes API (`infra gitops bootstrap --dry-run` shows what it would do)"
                .into(),
        );
    }
    if !p.is_json() {
        p.out(&infra_core::printer::format_summary(report));
    }
    let ready: std::result::Result<Vec<Cluster>, String> = clusters.into_iter().collect();
    let gitops = match ready {
        Ok(cs) => {
            let o = Options::for_env(l.env.data.tier);
            bootstrap(s, p, &l.env.name, &cs, &o)
        }
        Err(e) => {
            p.error(&format!("gitops: {e}"));
            GitopsReport {
                command: "gitops bootstrap".into(),
                env: l.env.name.clone(),
                target: s.target.as_str().into(),
                dry_run: false,
                argocd_manifest: argocd_manifest_url(l.env.data.tier),
                kubectl: kubectl_bin(),
                clusters: vec![],
                exit_code: exit::FAILURE,
            }
        }
    };
    if p.is_json() {
        let mut v = serde_json::to_value(report)?;
        v["gitops"] = serde_json::to_value(&gitops)?;
        v["exit_code"] = json!(gitops.exit_code);
        p.json(&v);
    } else {
        p.out(&format_report(&gitops));
    }
    Ok(gitops.exit_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

    /// `gitops/bridge/cluster-secret.example.yaml`, read crudely: the string
    /// maps under `labels:`, `annotations:` and `stringData:`, and the
    /// scalars `name`, `namespace`, `type`.
    struct Example {
        labels: Map<String, Value>,
        annotations: Map<String, Value>,
        data: Map<String, Value>,
        top: Map<String, Value>,
    }

    fn example() -> Example {
        let text =
            std::fs::read_to_string(format!("{ROOT}/gitops/bridge/cluster-secret.example.yaml"))
                .unwrap();
        let unquote = |v: &str| {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|x| x.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
                .unwrap_or(v);
            Value::String(v.to_string())
        };
        let (mut labels, mut annotations, mut data, mut top) =
            (Map::new(), Map::new(), Map::new(), Map::new());
        let mut section = "";
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let depth = line.len() - line.trim_start().len();
            let Some((k, v)) = line.trim().split_once(':') else {
                continue;
            };
            let v = v.trim();
            match (depth, v.is_empty()) {
                (_, true) => section = if depth <= 2 { k } else { section },
                (0, false) => {
                    section = "";
                    top.insert(k.into(), unquote(v));
                }
                (2, false) if section == "stringData" => {
                    data.insert(k.into(), unquote(v));
                }
                (2, false) => {
                    top.insert(k.into(), unquote(v));
                }
                (4, false) if section == "labels" => {
                    labels.insert(k.into(), unquote(v));
                }
                (4, false) if section == "annotations" => {
                    annotations.insert(k.into(), unquote(v));
                }
                _ => {}
            }
        }
        Example {
            labels,
            annotations,
            data,
            top,
        }
    }

    /// A cluster whose gitops_bridge is the example's (as the eks stack
    /// outputs it: without the cluster-secret label).
    fn sample_outputs() -> Map<String, Value> {
        let Example {
            mut labels,
            annotations,
            ..
        } = example();
        labels.remove("argocd.argoproj.io/secret-type");
        let name = annotations["ecom.io/aws-cluster-name"].clone();
        json!({
            "cluster_name": name,
            "cluster_endpoint": "https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
            "cluster_certificate_authority_data": "LS0tLS1CRUdJTi1DRVJUSUZJQ0FURS0tLS0t",
            "access_role_arns": {
                "admin": "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-eks-admin",
                "read-only": "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-eks-read-only",
            },
            "gitops_bridge": {
                "cluster_name": name,
                "server": "https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
                "labels": labels,
                "annotations": annotations,
            },
        })
        .as_object()
        .unwrap()
        .clone()
    }

    fn sample() -> Cluster {
        Cluster::from_outputs("dev-us-east-1-eks", "us-east-1", &sample_outputs()).unwrap()
    }

    /// The keys of docs/gitops.md's bridge table that the eks stack provides
    /// (not the edge layer's), as (labels, annotations).
    fn documented_keys() -> (BTreeSet<String>, BTreeSet<String>) {
        let text = std::fs::read_to_string(format!("{ROOT}/docs/gitops.md")).unwrap();
        let table = text
            .split("| key | kind | used by |")
            .nth(1)
            .expect("docs/gitops.md has the bridge table");
        let (mut labels, mut annotations) = (BTreeSet::new(), BTreeSet::new());
        for row in table.lines().skip(2).take_while(|l| l.starts_with('|')) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let (key, kind) = (cells[1], cells[2]);
            if kind.contains("edge layer") {
                continue;
            }
            let keys: Vec<String> = key
                .split('`')
                .filter(|k| k.starts_with("ecom.io/"))
                .map(String::from)
                .collect();
            assert!(!keys.is_empty(), "row without keys: {row}");
            match kind {
                "label" => labels.extend(keys),
                "annotation" => annotations.extend(keys),
                other => panic!("unknown kind `{other}` in {row}"),
            }
        }
        (labels, annotations)
    }

    /// The shape kubectl needs of an object: apiVersion/kind, a DNS-1123
    /// name, string labels (valid values) and annotations.
    fn check_object(v: &Value, kind: &str) {
        assert_eq!(v["apiVersion"], "v1", "{v}");
        assert_eq!(v["kind"], kind, "{v}");
        let name = v["metadata"]["name"].as_str().unwrap();
        assert!(
            !name.is_empty()
                && name.len() <= 63
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "bad name {name}"
        );
        for (k, val) in v["metadata"]["labels"].as_object().into_iter().flatten() {
            let s = val
                .as_str()
                .unwrap_or_else(|| panic!("label {k} not a string"));
            assert!(
                s.len() <= 63
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
                "label {k}={s} is not a valid label value"
            );
        }
        for (k, val) in v["metadata"]["annotations"]
            .as_object()
            .into_iter()
            .flatten()
        {
            assert!(val.is_string(), "annotation {k} not a string");
        }
        // A round trip through text: what kubectl reads is what we built.
        let text = serde_json::to_string_pretty(v).unwrap();
        assert_eq!(&serde_json::from_str::<Value>(&text).unwrap(), v);
    }

    #[test]
    fn secret_carries_every_documented_key_in_its_place() {
        let (doc_labels, doc_annotations) = documented_keys();
        let code_labels: BTreeSet<String> = BRIDGE_LABELS.iter().map(|s| s.to_string()).collect();
        let code_annotations: BTreeSet<String> =
            BRIDGE_ANNOTATIONS.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            doc_labels, code_labels,
            "labels: docs/gitops.md vs BRIDGE_LABELS"
        );
        assert_eq!(
            doc_annotations, code_annotations,
            "annotations: docs/gitops.md vs BRIDGE_ANNOTATIONS"
        );
        let secret = render_cluster_secret(&sample());
        check_object(&secret, "Secret");
        let meta = &secret["metadata"];
        assert_eq!(meta["namespace"], ARGOCD_NAMESPACE);
        assert_eq!(meta["labels"]["argocd.argoproj.io/secret-type"], "cluster");
        for k in &doc_labels {
            assert!(meta["labels"][k].is_string(), "label {k} missing: {secret}");
            assert!(meta["annotations"].get(k).is_none(), "{k} is a label");
        }
        for k in &doc_annotations {
            assert!(meta["annotations"][k].is_string(), "annotation {k} missing");
            assert!(meta["labels"].get(k).is_none(), "{k} is an annotation");
        }
        assert_eq!(secret["type"], "Opaque");
        assert!(secret.get("data").is_none(), "no credentials");
    }

    #[test]
    fn secret_matches_the_documented_example() {
        let Example {
            labels,
            annotations,
            data,
            top,
        } = example();
        let secret = render_cluster_secret(&sample());
        assert_eq!(secret["metadata"]["labels"], Value::Object(labels));
        assert_eq!(
            secret["metadata"]["annotations"],
            Value::Object(annotations)
        );
        assert_eq!(secret["stringData"], Value::Object(data));
        for k in ["apiVersion", "kind", "type"] {
            assert_eq!(secret[k], top[k], "{k}");
        }
        assert_eq!(secret["metadata"]["name"], top["name"]);
        assert_eq!(secret["metadata"]["namespace"], top["namespace"]);
        insta::assert_json_snapshot!("cluster_secret", secret);
    }

    #[test]
    fn missing_bridge_keys_and_outputs_are_named() {
        let mut outs = sample_outputs();
        outs["gitops_bridge"]["annotations"]
            .as_object_mut()
            .unwrap()
            .remove("ecom.io/aws-vpc-id");
        let e = Cluster::from_outputs("dev-us-east-1-eks", "us-east-1", &outs).unwrap_err();
        assert!(
            e.contains("ecom.io/aws-vpc-id") && e.contains("dev-us-east-1-eks"),
            "{e}"
        );
        let mut outs = sample_outputs();
        outs.remove("cluster_certificate_authority_data");
        let e = Cluster::from_outputs("dev-us-east-1-eks", "us-east-1", &outs).unwrap_err();
        assert!(e.contains("cluster_certificate_authority_data"), "{e}");
        let mut outs = sample_outputs();
        outs["access_role_arns"]
            .as_object_mut()
            .unwrap()
            .remove("admin");
        let e = Cluster::from_outputs("dev-us-east-1-eks", "us-east-1", &outs).unwrap_err();
        assert!(e.contains("access_role_arns.admin"), "{e}");
    }

    #[test]
    fn namespace_is_argocd() {
        let ns = render_namespace();
        check_object(&ns, "Namespace");
        assert_eq!(ns["metadata"]["name"], "argocd");
        assert!(ns.get("spec").is_none());
        insta::assert_json_snapshot!("namespace", ns);
    }

    #[test]
    fn kubeconfig_uses_the_endpoint_ca_and_admin_role() {
        let c = sample();
        let kc = render_kubeconfig(&c);
        assert_eq!(kc["kind"], "Config");
        let cluster = &kc["clusters"][0]["cluster"];
        assert_eq!(cluster["server"], c.endpoint.as_str());
        assert_eq!(cluster["certificate-authority-data"], c.ca_data.as_str());
        let ctx = &kc["contexts"][0];
        assert_eq!(kc["current-context"], ctx["name"]);
        assert_eq!(ctx["context"]["cluster"], kc["clusters"][0]["name"]);
        assert_eq!(ctx["context"]["user"], kc["users"][0]["name"]);
        let exec = &kc["users"][0]["user"]["exec"];
        assert_eq!(exec["command"], "aws");
        let args: Vec<&str> = exec["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let after = |flag: &str| args[args.iter().position(|a| *a == flag).unwrap() + 1];
        assert_eq!(&args[..2], ["eks", "get-token"]);
        assert_eq!(after("--cluster-name"), "ecom-dev-us-east-1");
        assert_eq!(after("--region"), "us-east-1");
        assert_eq!(
            after("--role-arn"),
            "arn:aws:iam::111111111111:role/ecom-dev-us-east-1-eks-admin"
        );
        insta::assert_json_snapshot!("kubeconfig", kc);
    }

    #[test]
    fn steps_in_order_with_kubeconfig_and_pinned_manifests() {
        let c = sample();
        let kc = PathBuf::from("/h/local/kube/dev-us-east-1.yaml");
        let apps = PathBuf::from("/repo/gitops/clusters/dev");
        let url = argocd_manifest_url(Tier::NonProduction);
        let plan = Plan {
            env: "dev",
            kubeconfig: &kc,
            manifest: &url,
            apps_dir: &apps,
            timeout: "5m",
            target_flag: "",
        };
        let all = steps(&c, &plan);
        let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "namespace",
                "argocd-install",
                "argocd-crds",
                "rollout deployment/argocd-server",
                "rollout deployment/argocd-repo-server",
                "rollout deployment/argocd-applicationset-controller",
                "rollout statefulset/argocd-application-controller",
                "cluster-secret",
                "apps"
            ]
        );
        for s in &all {
            assert_eq!(
                &s.args[..2],
                ["--kubeconfig", "/h/local/kube/dev-us-east-1.yaml"]
            );
            assert_eq!(
                s.stdin.is_some(),
                s.args.ends_with(&["-f".into(), "-".into()])
            );
        }
        assert_eq!(
            all[1].args[2..],
            [
                "apply",
                "-n",
                "argocd",
                "--server-side",
                "--force-conflicts",
                "-f",
                url.as_str()
            ]
        );
        assert_eq!(
            all[8].args[2..],
            ["apply", "-k", "/repo/gitops/clusters/dev"]
        );
        assert_eq!(all[7].stdin.as_ref().unwrap()["kind"], "Secret");
        assert_eq!(
            url,
            "https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.5/manifests/install.yaml"
        );
        assert_eq!(
            argocd_manifest_url(Tier::Production),
            "https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.5/manifests/ha/install.yaml"
        );
        let docs = std::fs::read_to_string(format!("{ROOT}/docs/gitops.md")).unwrap();
        assert!(
            docs.contains(&argocd_manifest_url(Tier::Production))
                && docs.contains(&argocd_manifest_url(Tier::NonProduction)),
            "docs/gitops.md names the pinned manifests"
        );
    }

    #[test]
    fn shell_line_quotes_what_a_shell_would_split() {
        assert_eq!(
            shell_line("kubectl", &["apply".into(), "-f".into(), "-".into()]),
            "kubectl apply -f -"
        );
        assert_eq!(
            shell_line("/x y/kubectl", &["it's".into(), "".into()]),
            "'/x y/kubectl' 'it'\\''s' ''"
        );
    }

    #[test]
    fn timeout_and_manifest_are_checked() {
        assert!(check_timeout("5m").is_ok() && check_timeout("1h30m").is_ok());
        for bad in ["", "m5", "5 m", "five"] {
            assert!(check_timeout(bad).is_err(), "{bad}");
        }
        assert!(check_manifest("https://mirror.example/install.yaml").is_ok());
        assert!(check_manifest("/nonexistent/install.yaml").is_err());
    }
}
