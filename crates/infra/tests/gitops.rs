//! `infra gitops bootstrap` and the bootstrap at the end of `infra up`,
//! without an emulator or a cluster: the real repository (stack graph,
//! environment data, `gitops/clusters/<env>`), a stand-in terraform that
//! answers `terraform output -json` from files (what the state would hold),
//! a stand-in kubectl that records every call with what was piped to it, and
//! for `--target aws` a stand-in `aws` CLI for the account check.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::write_exec;
use serde_json::{json, Value};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

const FAKE_TERRAFORM: &str = r#"#!/bin/sh
# Answers like terraform with a state whose outputs are $FAKE/outputs/<stack>.json.
echo "$(basename "$TF_DATA_DIR") $*" >> "$FAKE/terraform.log"
for a in "$@"; do
  case "$a" in
    -chdir=*) ;;
    output)
      f="$FAKE/outputs/$(basename "$TF_DATA_DIR").json"
      if [ -f "$f" ]; then cat "$f"; else echo '{}'; fi
      exit 0 ;;
    *) exit 0 ;;
  esac
done
"#;

const FAKE_KUBECTL: &str = r#"#!/bin/sh
# Records its arguments and its stdin; fails the Argo CD install when asked to.
log="$FAKE/kubectl.log"
printf 'argv:' >> "$log"
for a in "$@"; do printf ' %s' "$a" >> "$log"; done
printf '\n' >> "$log"
cat >> "$log"
case " $* " in
  *" --server-side "*)
    if [ -n "$FAIL_ARGOCD" ]; then
      echo 'error: unable to read URL "https://raw.githubusercontent.com/...": dial tcp: lookup raw.githubusercontent.com: no such host' >&2
      exit 1
    fi ;;
  *" rollout status "*)
    echo "rollout to \"$5\" successfully rolled out" ;;
esac
exit 0
"#;

struct Fake {
    dir: tempfile::TempDir,
}

/// One recorded kubectl call.
#[derive(Debug)]
struct Call {
    args: Vec<String>,
    stdin: Option<Value>,
}

impl Call {
    fn has(&self, words: &[&str]) -> bool {
        self.args.windows(words.len()).any(|w| w == words)
    }
    /// The arguments after `--kubeconfig <path>`.
    fn rest(&self) -> Vec<&str> {
        self.args[2..].iter().map(String::as_str).collect()
    }
}

fn tf_outputs(v: &Value) -> String {
    let o: serde_json::Map<String, Value> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                json!({ "sensitive": false, "type": "dynamic", "value": v }),
            )
        })
        .collect();
    serde_json::to_string(&o).unwrap()
}

fn account(env: &str) -> String {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/infrastructure/environments/{env}.json")).unwrap(),
    )
    .unwrap();
    v["account_id"].as_str().unwrap().to_string()
}

/// What the eks stack of `env`/`region` outputs (the shape of
/// `infrastructure/stacks/eks/outputs.tf`).
fn eks_outputs(env: &str, region: &str) -> Value {
    let name = format!("ecom-{env}-{region}");
    let acct = account(env);
    let tier = if env == "prod" {
        "production"
    } else {
        "non-production"
    };
    json!({
        "cluster_name": name,
        "cluster_arn": format!("arn:aws:eks:{region}:{acct}:cluster/{name}"),
        "cluster_endpoint": format!("https://{env}{region}.gr7.{region}.eks.amazonaws.com"),
        "cluster_certificate_authority_data": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==",
        "cluster_version": "1.32",
        "access_role_arns": {
            "admin": format!("arn:aws:iam::{acct}:role/{name}-eks-admin"),
            "read-only": format!("arn:aws:iam::{acct}:role/{name}-eks-read-only"),
        },
        "gitops_bridge": {
            "cluster_name": name,
            "server": format!("https://{env}{region}.gr7.{region}.eks.amazonaws.com"),
            "labels": {
                "ecom.io/environment": env,
                "ecom.io/region": region,
                "ecom.io/tier": tier,
                "ecom.io/cluster": name,
            },
            "annotations": {
                "ecom.io/aws-account-id": acct,
                "ecom.io/aws-region": region,
                "ecom.io/aws-cluster-name": name,
                "ecom.io/aws-cluster-arn": format!("arn:aws:eks:{region}:{acct}:cluster/{name}"),
                "ecom.io/aws-vpc-id": "vpc-0123456789abcdef0",
                "ecom.io/kubernetes-version": "1.32",
                "ecom.io/node-security-group-id": "sg-0123456789abcdef0",
                "ecom.io/container-log-group": format!("/aws/eks/{name}/containers"),
                "ecom.io/lb-controller-target-tag": format!("elbv2.k8s.aws/cluster={name}"),
            },
        },
    })
}

impl Fake {
    fn new() -> Self {
        let f = Fake {
            dir: tempfile::tempdir().unwrap(),
        };
        write_exec(&f.path().join("bin/terraform"), FAKE_TERRAFORM);
        write_exec(&f.path().join("bin/kubectl"), FAKE_KUBECTL);
        std::fs::create_dir_all(f.path().join("outputs")).unwrap();
        f
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    fn outputs(&self, stack: &str, v: &Value) {
        std::fs::write(
            self.path().join(format!("outputs/{stack}.json")),
            tf_outputs(v),
        )
        .unwrap();
    }

    /// The state buckets and the eks stacks of `env` in `regions` are applied.
    fn applied(&self, env: &str, regions: &[&str]) {
        for r in regions {
            self.outputs(
                &format!("{env}-{r}-bootstrap"),
                &json!({
                    "state_bucket_name": format!("ecom-{env}-{r}-tfstate"),
                    "state_kms_key_arn": format!("arn:aws:kms:{r}:{}:key/1234", account(env)),
                }),
            );
            self.outputs(&format!("{env}-{r}-eks"), &eks_outputs(env, r));
        }
    }

    /// A stand-in `aws` CLI whose caller is the environment's account.
    fn aws_cli(&self, env: &str) {
        write_exec(
            &self.path().join("bin/aws"),
            &format!(
                "#!/bin/sh\necho '{{\"Account\": \"{}\", \"Arn\": \"arn:aws:iam::{0}:user/ci\"}}'\n",
                account(env)
            ),
        );
    }

    fn infra(&self) -> Command {
        let mut cmd = Command::cargo_bin("infra").unwrap();
        let path = format!(
            "{}:{}",
            self.path().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("INFRA_ROOT", ROOT)
            .env("INFRA_HOME", self.home())
            .env("INFRA_NO_PROGRESS", "1")
            .env("INFRA_LOCAL_ENDPOINT", "http://127.0.0.1:9")
            .env("INFRA_TERRAFORM", self.path().join("bin/terraform"))
            .env("INFRA_KUBECTL", self.path().join("bin/kubectl"))
            .env("FAKE", self.path())
            .env("PATH", path)
            .env_remove("INFRA_PROVIDER_MIRROR")
            .env_remove("FAIL_ARGOCD")
            .timeout(std::time::Duration::from_secs(120));
        cmd
    }

    fn calls(&self) -> Vec<Call> {
        let text = std::fs::read_to_string(self.path().join("kubectl.log")).unwrap_or_default();
        let mut calls: Vec<Call> = vec![];
        let mut stdin = String::new();
        let flush = |calls: &mut Vec<Call>, stdin: &mut String| {
            if let Some(last) = calls.last_mut() {
                if !stdin.trim().is_empty() {
                    last.stdin = Some(serde_json::from_str(stdin).unwrap_or_else(|e| {
                        panic!("kubectl got something else than JSON on stdin ({e}):\n{stdin}")
                    }));
                }
            }
            stdin.clear();
        };
        for line in text.lines() {
            if let Some(args) = line.strip_prefix("argv:") {
                flush(&mut calls, &mut stdin);
                calls.push(Call {
                    args: args.split_whitespace().map(String::from).collect(),
                    stdin: None,
                });
            } else {
                stdin.push_str(line);
                stdin.push('\n');
            }
        }
        flush(&mut calls, &mut stdin);
        calls
    }
}

fn run(cmd: &mut Command, expect: i32) -> (String, String) {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(expect),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    (stdout, stderr)
}

/// Every step of one cluster, in order, against the eks outputs.
fn assert_cluster_calls(fake: &Fake, calls: &[Call], env: &str, region: &str) {
    let kubeconfig = fake
        .home()
        .join(format!("local/kube/{env}-{region}.yaml"))
        .display()
        .to_string();
    assert_eq!(calls.len(), 9, "{calls:#?}");
    for c in calls {
        assert_eq!(c.args[..2], ["--kubeconfig", kubeconfig.as_str()], "{c:?}");
    }
    let ns = &calls[0];
    assert_eq!(ns.rest(), ["apply", "-f", "-"]);
    let doc = ns.stdin.as_ref().expect("the namespace is piped");
    assert_eq!(
        (doc["kind"].as_str(), doc["metadata"]["name"].as_str()),
        (Some("Namespace"), Some("argocd"))
    );

    let manifest = if env == "prod" {
        "https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.5/manifests/ha/install.yaml"
    } else {
        "https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.5/manifests/install.yaml"
    };
    assert_eq!(
        calls[1].rest(),
        [
            "apply",
            "-n",
            "argocd",
            "--server-side",
            "--force-conflicts",
            "-f",
            manifest
        ]
    );
    assert!(calls[2].has(&["wait", "--for", "condition=established"]));
    assert!(calls[2].has(&["crd/applicationsets.argoproj.io"]));
    for (c, target) in calls[3..7].iter().zip([
        "deployment/argocd-server",
        "deployment/argocd-repo-server",
        "deployment/argocd-applicationset-controller",
        "statefulset/argocd-application-controller",
    ]) {
        assert!(
            c.has(&["-n", "argocd", "rollout", "status", target]),
            "{c:?}"
        );
        assert!(c.args.iter().any(|a| a.starts_with("--timeout=")), "{c:?}");
    }

    let secret = &calls[7];
    assert_eq!(secret.rest(), ["apply", "-f", "-"]);
    let s = secret.stdin.as_ref().expect("the cluster secret is piped");
    let bridge = &eks_outputs(env, region)["gitops_bridge"];
    assert_eq!(s["kind"], "Secret");
    assert_eq!(s["metadata"]["namespace"], "argocd");
    let mut labels = bridge["labels"].clone();
    labels["argocd.argoproj.io/secret-type"] = json!("cluster");
    assert_eq!(s["metadata"]["labels"], labels);
    assert_eq!(s["metadata"]["annotations"], bridge["annotations"]);
    assert_eq!(s["stringData"]["name"], bridge["cluster_name"]);
    assert_eq!(s["stringData"]["server"], "https://kubernetes.default.svc");

    let apps = Path::new(ROOT).join(format!("gitops/clusters/{env}"));
    assert_eq!(calls[8].rest()[..2], ["apply", "-k"]);
    assert_eq!(
        std::fs::canonicalize(calls[8].rest()[2]).unwrap(),
        std::fs::canonicalize(apps).unwrap()
    );

    let kc_path = Path::new(&kubeconfig);
    let mode = std::fs::metadata(kc_path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the kubeconfig is private");
    let kc: Value = serde_json::from_str(&std::fs::read_to_string(kc_path).unwrap()).unwrap();
    let eks = eks_outputs(env, region);
    assert_eq!(
        kc["clusters"][0]["cluster"]["server"],
        eks["cluster_endpoint"]
    );
    assert_eq!(
        kc["clusters"][0]["cluster"]["certificate-authority-data"],
        eks["cluster_certificate_authority_data"]
    );
    let args = kc["users"][0]["user"]["exec"]["args"].to_string();
    assert!(
        args.contains(eks["access_role_arns"]["admin"].as_str().unwrap()),
        "{args}"
    );
}

#[test]
fn bootstrap_runs_every_step_in_each_region_in_order() {
    let fake = Fake::new();
    fake.applied("dev", &["us-east-1", "us-west-2"]);
    let (stdout, _) = run(
        fake.infra().args(["gitops", "bootstrap", "--env", "dev"]),
        0,
    );
    assert!(stdout.contains("2 clusters: 2 ok"), "{stdout}");
    let calls = fake.calls();
    assert_eq!(calls.len(), 18, "{calls:#?}");
    assert_cluster_calls(&fake, &calls[..9], "dev", "us-east-1");
    assert_cluster_calls(&fake, &calls[9..], "dev", "us-west-2");
}

#[test]
fn prod_gets_the_ha_manifest_and_json_has_every_step() {
    let fake = Fake::new();
    fake.applied("prod", &["us-east-1"]);
    let (stdout, _) = run(
        fake.infra().args([
            "gitops",
            "bootstrap",
            "--env",
            "prod",
            "--region",
            "us-east-1",
            "--json",
        ]),
        0,
    );
    let v: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(v["exit_code"], 0);
    let clusters = v["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0]["cluster"], "ecom-prod-us-east-1");
    assert_eq!(clusters[0]["status"], "ok");
    assert!(clusters[0]["kubeconfig"]
        .as_str()
        .unwrap()
        .ends_with("local/kube/prod-us-east-1.yaml"));
    let steps = clusters[0]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 9);
    assert!(steps.iter().all(|s| s["status"] == "ok"), "{steps:#?}");
    assert!(v["argocd_manifest"]
        .as_str()
        .unwrap()
        .contains("/manifests/ha/"));
    assert_cluster_calls(&fake, &fake.calls(), "prod", "us-east-1");
}

#[test]
fn a_failing_kubectl_stops_its_region_and_names_the_step() {
    let fake = Fake::new();
    fake.applied("dev", &["us-east-1", "us-west-2"]);
    let (stdout, stderr) = run(
        fake.infra()
            .env("FAIL_ARGOCD", "1")
            .args(["gitops", "bootstrap", "--env", "dev"]),
        1,
    );
    assert!(
        stdout.contains("argocd-install"),
        "names the step:\n{stdout}"
    );
    assert!(
        stdout.contains("no such host"),
        "shows kubectl's stderr:\n{stdout}"
    );
    assert!(
        stdout.contains("--argocd-manifest"),
        "says what to do:\n{stdout}"
    );
    assert!(
        stdout.contains("--server-side"),
        "shows the command:\n{stdout}"
    );
    assert!(stderr.contains("gitops us-west-2: failed"), "{stderr}");
    let calls = fake.calls();
    // Both regions were tried; each stopped at the install.
    assert_eq!(calls.len(), 4, "{calls:#?}");
    for (i, region) in ["us-east-1", "us-west-2"].iter().enumerate() {
        assert!(calls[2 * i].args[1].ends_with(&format!("dev-{region}.yaml")));
        assert_eq!(calls[2 * i].rest(), ["apply", "-f", "-"]);
        assert!(calls[2 * i + 1].has(&["--server-side"]));
    }

    let (stdout, _) = run(
        fake.infra().env("FAIL_ARGOCD", "1").args([
            "gitops",
            "bootstrap",
            "--env",
            "dev",
            "--region",
            "us-west-2",
            "--json",
        ]),
        1,
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let c = &v["clusters"][0];
    assert_eq!(c["status"], "failed");
    let status: Vec<&str> = c["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(status[..3], ["ok", "failed", "not-run"]);
    assert!(status[2..].iter().all(|s| *s == "not-run"));
    assert!(c["steps"][1]["stderr"]
        .as_str()
        .unwrap()
        .contains("no such host"));
}

#[test]
fn not_applied_eks_stack_exits_one_before_kubectl() {
    let fake = Fake::new();
    // Nothing applied at all.
    let (_, stderr) = run(
        fake.infra().args(["gitops", "bootstrap", "--env", "dev"]),
        1,
    );
    assert!(
        stderr.contains("`dev-us-east-1-eks` has not been applied")
            && stderr.contains("`dev-us-west-2-eks` has not been applied")
            && stderr.contains("infra up --env dev --region us-east-1"),
        "{stderr}"
    );
    // The state buckets exist, one region's cluster too.
    fake.applied("dev", &["us-east-1"]);
    fake.outputs(
        "dev-us-west-2-bootstrap",
        &json!({"state_bucket_name": "b", "state_kms_key_arn": "arn:aws:kms:us-west-2:111111111111:key/1"}),
    );
    let (_, stderr) = run(
        fake.infra().args(["gitops", "bootstrap", "--env", "dev"]),
        1,
    );
    assert!(
        stderr.contains("`dev-us-west-2-eks` has not been applied")
            && !stderr.contains("`dev-us-east-1-eks` has not"),
        "{stderr}"
    );
    assert!(
        fake.calls().is_empty(),
        "no kubectl call before every cluster is known"
    );
    assert!(!fake.home().join("local/kube").exists());
}

#[test]
fn dry_run_prints_commands_and_documents_and_runs_nothing() {
    let fake = Fake::new();
    fake.applied("dev", &["us-east-1", "us-west-2"]);
    let (stdout, _) = run(
        fake.infra()
            .args(["gitops", "bootstrap", "--env", "dev", "--dry-run"]),
        0,
    );
    assert!(fake.calls().is_empty(), "--dry-run ran kubectl");
    assert!(
        !fake.home().join("local/kube").exists(),
        "--dry-run wrote a kubeconfig"
    );
    for region in ["us-east-1", "us-west-2"] {
        let eks = eks_outputs("dev", region);
        for want in [
            eks["cluster_endpoint"].as_str().unwrap(),
            eks["access_role_arns"]["admin"].as_str().unwrap(),
            eks["gitops_bridge"]["annotations"]["ecom.io/aws-cluster-arn"]
                .as_str()
                .unwrap(),
        ] {
            assert!(stdout.contains(want), "{want} missing:\n{stdout}");
        }
    }
    assert!(stdout.contains("--kubeconfig"), "{stdout}");
    assert!(stdout.contains("\"kind\": \"Secret\""), "{stdout}");
    assert!(
        stdout.contains("rollout status deployment/argocd-server"),
        "{stdout}"
    );
    assert!(stdout.contains("2 clusters: 2 dry-run"), "{stdout}");
}

#[test]
fn argocd_manifest_override_and_bad_flags() {
    let fake = Fake::new();
    fake.applied("dev", &["us-east-1"]);
    let mirror = fake.path().join("argocd-install.yaml");
    std::fs::write(&mirror, "# a mirrored install.yaml\n").unwrap();
    run(
        fake.infra().args([
            "gitops",
            "bootstrap",
            "--env",
            "dev",
            "--region",
            "us-east-1",
            "--argocd-manifest",
            mirror.to_str().unwrap(),
        ]),
        0,
    );
    let calls = fake.calls();
    assert_eq!(calls[1].rest().last(), Some(&mirror.to_str().unwrap()));

    for bad in [
        vec!["--argocd-manifest", "/nonexistent/install.yaml"],
        vec!["--timeout", "soon"],
    ] {
        let mut args = vec!["gitops", "bootstrap", "--env", "dev"];
        args.extend(bad);
        let (_, stderr) = run(fake.infra().args(&args), 3);
        assert!(stderr.contains(args[4]), "{stderr}");
    }
    assert_eq!(fake.calls().len(), calls.len());
}

/// The kubeconfig is read by the real kubectl (JSON is YAML).
#[test]
fn real_kubectl_reads_the_kubeconfig() {
    let fake = Fake::new();
    fake.applied("dev", &["us-east-1"]);
    run(
        fake.infra().args([
            "gitops",
            "bootstrap",
            "--env",
            "dev",
            "--region",
            "us-east-1",
        ]),
        0,
    );
    let path = fake.home().join("local/kube/dev-us-east-1.yaml");
    let out = std::process::Command::new("kubectl")
        .args(["config", "view", "--raw", "-o", "json", "--kubeconfig"])
        .arg(&path)
        .output()
        .expect("kubectl is needed (CI installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let eks = eks_outputs("dev", "us-east-1");
    assert_eq!(v["current-context"], "ecom-dev-us-east-1");
    assert_eq!(
        v["clusters"][0]["cluster"]["server"],
        eks["cluster_endpoint"]
    );
    assert_eq!(v["users"][0]["user"]["exec"]["command"], "aws");
}

#[test]
fn up_on_aws_bootstraps_after_the_stacks() {
    let fake = Fake::new();
    fake.aws_cli("dev");
    fake.applied("dev", &["us-east-1"]);
    let (stdout, _) = run(
        fake.infra().args([
            "--target",
            "aws",
            "up",
            "--env",
            "dev",
            "--region",
            "us-east-1",
        ]),
        0,
    );
    assert!(stdout.contains("dev-us-east-1-eks"), "{stdout}");
    assert!(stdout.contains("infra gitops bootstrap"), "{stdout}");
    let calls = fake.calls();
    assert_eq!(calls.len(), 9, "{calls:#?}");
    let kubeconfig = fake.home().join("aws/kube/dev-us-east-1.yaml");
    assert!(kubeconfig.is_file());
    assert_eq!(calls[0].args[1], kubeconfig.display().to_string());
    assert!(calls[8].has(&["apply", "-k"]));
    // Terraform ran every stack before kubectl ran at all.
    let tf = std::fs::read_to_string(fake.path().join("terraform.log")).unwrap();
    assert!(
        tf.contains("dev-us-east-1-eks") && tf.contains(" apply "),
        "{tf}"
    );

    // One JSON document with the bootstrap as its `gitops` member.
    let (stdout, _) = run(
        fake.infra().args([
            "--target",
            "aws",
            "up",
            "--env",
            "dev",
            "--region",
            "us-east-1",
            "--json",
        ]),
        0,
    );
    let v: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(v["command"], "up");
    assert_eq!(v["gitops"]["clusters"][0]["status"], "ok");
    assert_eq!(v["exit_code"], 0);

    // A failing bootstrap fails `up`.
    let (_, stderr) = run(
        fake.infra().env("FAIL_ARGOCD", "1").args([
            "--target",
            "aws",
            "up",
            "--env",
            "dev",
            "--region",
            "us-east-1",
        ]),
        1,
    );
    assert!(stderr.contains("argocd-install"), "{stderr}");
}

#[test]
fn up_skips_the_bootstrap_on_local_and_with_skip_gitops() {
    let fake = Fake::new();
    fake.aws_cli("dev");
    fake.applied("dev", &["us-east-1"]);
    let (stdout, _) = run(
        fake.infra()
            .args(["up", "--env", "dev", "--region", "us-east-1"]),
        0,
    );
    assert!(
        stdout.contains("no Kubernetes API") && stdout.contains("infra gitops bootstrap --dry-run"),
        "{stdout}"
    );
    let (stdout, _) = run(
        fake.infra().args([
            "--target",
            "aws",
            "up",
            "--env",
            "dev",
            "--region",
            "us-east-1",
            "--skip-gitops",
        ]),
        0,
    );
    assert!(stdout.contains("--skip-gitops"), "{stdout}");
    assert!(fake.calls().is_empty(), "kubectl ran: {:#?}", fake.calls());
}

#[test]
fn help_documents_the_command_and_infra_kubectl() {
    let fake = Fake::new();
    let (stdout, _) = run(fake.infra().arg("--help"), 0);
    assert!(
        stdout.contains("INFRA_KUBECTL") && stdout.contains("gitops"),
        "{stdout}"
    );
    let (stdout, _) = run(fake.infra().args(["gitops", "bootstrap", "--help"]), 0);
    for flag in ["--dry-run", "--argocd-manifest", "--timeout"] {
        assert!(stdout.contains(flag), "{flag}:\n{stdout}");
    }
    let (stdout, _) = run(fake.infra().args(["up", "--help"]), 0);
    assert!(stdout.contains("--skip-gitops"), "{stdout}");
}
