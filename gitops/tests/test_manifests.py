"""The GitOps tree: every manifest parses, every kustomization renders
(`kubectl kustomize`), every built-in resource validates against the
Kubernetes schemas of the clusters' version (kubernetes-validate, strict),
every custom resource against its CRD's schema (crd_schemas.py), Argo CD
points at paths that exist, and the platform's rules hold (tenant namespaces,
the service pattern, the controllers' service accounts and the GitOps bridge
agreeing with the Terraform of infrastructure/modules/eks).

Run: `python3 -m pytest gitops/tests` (needs kubectl and kubernetes-validate).
"""

import copy
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from crd_schemas import SCHEMAS

GITOPS = Path(__file__).resolve().parents[1]
REPO = GITOPS.parent
ENV_DIR = REPO / "infrastructure" / "environments"
EKS_MODULE = REPO / "infrastructure" / "modules" / "eks"
ENVS = ["dev", "staging", "prod"]
ENV_TEMPLATE = '{{ index .metadata.labels "ecom.io/environment" }}'

KUBECTL = shutil.which("kubectl")
pytestmark = pytest.mark.skipif(KUBECTL is None, reason="kubectl is needed (Debian: kubectl / kubernetes-client)")


def env_data(env: str) -> dict:
    return json.loads((ENV_DIR / f"{env}.json").read_text())


def k8s_version(env: str) -> str:
    """The cluster's Kubernetes version as kubernetes-validate names it (1.32 -> 1.32.0)."""
    return env_data(env)["eks"]["kubernetes_version"] + ".0"


def yaml_files() -> list[Path]:
    return sorted(p for p in GITOPS.rglob("*.yaml") if "tests" not in p.parts)


def kustomization_dirs() -> list[Path]:
    """Directories with a kustomization.yaml that is a Kustomization (not a Component)."""
    out = []
    for k in sorted(GITOPS.rglob("kustomization.yaml")):
        if yaml.safe_load(k.read_text()).get("kind", "Kustomization") == "Kustomization":
            out.append(k.parent)
    return out


def render(path: Path) -> list[dict]:
    res = subprocess.run([KUBECTL, "kustomize", str(path)], capture_output=True, text=True)
    assert res.returncode == 0, f"kubectl kustomize {path.relative_to(REPO)} failed:\n{res.stderr}"
    docs = [d for d in yaml.safe_load_all(res.stdout) if d]
    assert docs, f"{path.relative_to(REPO)} renders nothing"
    return docs


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[dict]]:
    return {str(d.relative_to(GITOPS)): render(d) for d in kustomization_dirs()}


def versions_for(rel: str) -> list[str]:
    """An environment's overlay validates against that environment's version; shared trees against all."""
    for env in ENVS:
        if f"/{env}" in f"/{rel}" and (rel.endswith(f"/{env}") or f"/{env}/" in rel):
            return [k8s_version(env)]
    return sorted({k8s_version(e) for e in ENVS})


def is_custom(doc: dict) -> bool:
    return (doc["apiVersion"], doc["kind"]) in SCHEMAS


def validate_builtin(doc: dict, version: str) -> None:
    kubernetes_validate.validate(doc, version, strict=True)


# --- parsing and rendering -------------------------------------------------

@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(GITOPS)))
def test_every_yaml_file_parses(path: Path) -> None:
    docs = list(yaml.safe_load_all(path.read_text()))
    assert docs, f"{path} is empty"


def test_every_kustomization_renders(rendered: dict[str, list[dict]]) -> None:
    expected = {"clusters/dev", "clusters/staging", "clusters/prod", "platform/overlays/dev",
                "platform/overlays/staging", "platform/overlays/prod", "platform/edge-bindings"}
    assert expected <= set(rendered), f"missing renders: {expected - set(rendered)}"


def test_every_resource_is_validated(rendered: dict[str, list[dict]]) -> None:
    """Each resource is either built-in (kubernetes-validate knows it) or has a CRD schema here."""
    version = k8s_version("prod")
    for rel, docs in rendered.items():
        for doc in docs:
            if is_custom(doc):
                continue
            try:
                validate_builtin(doc, version)
            except kubernetes_validate.SchemaNotFoundError:
                pytest.fail(f"{rel}: {doc['apiVersion']} {doc['kind']} is neither built-in nor in crd_schemas.py")
            except kubernetes_validate.ValidationError:
                pass  # reported by the strict test below


# --- schemas -----------------------------------------------------------------

def test_builtin_resources_validate_strictly(rendered: dict[str, list[dict]]) -> None:
    errors = []
    checked = 0
    for rel, docs in rendered.items():
        for version in versions_for(rel):
            for doc in docs:
                if is_custom(doc):
                    continue
                try:
                    validate_builtin(doc, version)
                    checked += 1
                except kubernetes_validate.ValidationError as e:
                    errors.append(f"{rel} {doc['kind']}/{doc['metadata']['name']} (k8s {version}): {e.message}")
    assert not errors, "\n".join(errors)
    assert checked > 100


def test_bridge_example_validates() -> None:
    doc = yaml.safe_load((GITOPS / "bridge" / "cluster-secret.example.yaml").read_text())
    for env in ENVS:
        validate_builtin(doc, k8s_version(env))


def test_custom_resources_match_their_crds(rendered: dict[str, list[dict]]) -> None:
    errors = []
    for rel, docs in rendered.items():
        for doc in docs:
            if is_custom(doc):
                try:
                    jsonschema.validate(doc, SCHEMAS[(doc["apiVersion"], doc["kind"])])
                except jsonschema.ValidationError as e:
                    errors.append(f"{rel} {doc['kind']}/{doc['metadata'].get('name')}: {e.message} at {list(e.path)}")
    assert not errors, "\n".join(errors)


def test_strict_validation_rejects_a_misspelt_field() -> None:
    """The checks above can fail: a typo in a built-in and in a custom resource is caught."""
    docs = render(GITOPS / "platform" / "overlays" / "dev")
    deployment = copy.deepcopy(next(d for d in docs if d["kind"] == "Deployment"))
    deployment["spec"]["template"]["spec"]["containers"][0]["resource"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_builtin(deployment, k8s_version("dev"))
    route = copy.deepcopy(next(d for d in docs if d["kind"] == "HTTPRoute"))
    route["spec"]["hostname"] = ["x"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(route, SCHEMAS[(route["apiVersion"], route["kind"])])


# --- Argo CD -----------------------------------------------------------------

def argo_sources(app_spec: dict) -> list[dict]:
    return app_spec.get("sources") or [app_spec["source"]]


@pytest.mark.parametrize("env", ENVS)
def test_argocd_points_at_paths_that_exist(env: str, rendered: dict[str, list[dict]]) -> None:
    repo_url = f"https://github.com/{env_data(env)['github']['repository']}.git"
    apps = [d for d in rendered[f"clusters/{env}"] if d["kind"] in ("Application", "ApplicationSet")]
    assert len(apps) >= 10
    for app in apps:
        spec = app["spec"]["template"]["spec"] if app["kind"] == "ApplicationSet" else app["spec"]
        ours = [s for s in argo_sources(spec) if "chart" not in s]
        assert ours, f"{app['metadata']['name']}: no source in this repository"
        for src in ours:
            assert src["repoURL"] == repo_url, f"{app['metadata']['name']}: repoURL {src['repoURL']}"
            if "path" in src:
                path = REPO / src["path"].replace(ENV_TEMPLATE, env)
                assert (path / "kustomization.yaml").is_file(), f"{app['metadata']['name']}: {src['path']} is not a kustomization"
        for src in argo_sources(spec):
            for vf in src.get("helm", {}).get("valueFiles", []):
                assert vf.startswith("$values/"), vf
                path = REPO / vf.removeprefix("$values/").replace(ENV_TEMPLATE, env)
                assert path.is_file(), f"{app['metadata']['name']}: values file {path.relative_to(REPO)} missing"
                assert isinstance(yaml.safe_load(path.read_text()), dict), f"{path} is not a mapping"
            if "chart" in src:
                assert re.match(r"^v?\d+\.\d+\.\d+$", src["targetRevision"]), f"{src['chart']}: unpinned {src['targetRevision']}"


@pytest.mark.parametrize("env", ENVS)
def test_each_environment_selects_only_its_clusters(env: str, rendered: dict[str, list[dict]]) -> None:
    docs = rendered[f"clusters/{env}"]
    root = next(d for d in docs if d["kind"] == "Application" and d["metadata"]["name"] == "root")
    assert root["spec"]["source"]["path"] == f"gitops/clusters/{env}"
    for appset in (d for d in docs if d["kind"] == "ApplicationSet"):
        selector = appset["spec"]["generators"][0]["clusters"]["selector"]["matchLabels"]
        assert selector["ecom.io/environment"] == env, appset["metadata"]["name"]


# --- platform rules ----------------------------------------------------------

@pytest.mark.parametrize("env", ENVS)
def test_tenant_namespaces_are_locked_down(env: str, rendered: dict[str, list[dict]]) -> None:
    docs = rendered[f"platform/overlays/{env}"]
    tenants = [d["metadata"]["name"] for d in docs if d["kind"] == "Namespace" and d["metadata"].get("labels", {}).get("ecom.io/tenant") == "true"]
    assert {"catalog", "cart", "checkout", "orders", "payments", "graphql-gateway"} <= set(tenants)
    for ns in tenants:
        labels = next(d for d in docs if d["kind"] == "Namespace" and d["metadata"]["name"] == ns)["metadata"]["labels"]
        assert labels["pod-security.kubernetes.io/enforce"] == "restricted", ns
        assert labels["ecom.io/mesh"] == "istio-ready", ns
        assert "istio.io/rev" not in labels and "istio-injection" not in labels, f"{ns}: no mesh until Istio is installed"
        in_ns = [d for d in docs if d["metadata"].get("namespace") == ns]
        quota = next(d for d in in_ns if d["kind"] == "ResourceQuota")
        assert quota["spec"]["hard"]["services.loadbalancers"] == "0", f"{ns}: load balancers belong to the edge layer"
        assert any(d["kind"] == "LimitRange" for d in in_ns), ns
        deny = next(d for d in in_ns if d["kind"] == "NetworkPolicy" and d["metadata"]["name"] == "default-deny")
        assert deny["spec"]["podSelector"] == {} and set(deny["spec"]["policyTypes"]) == {"Ingress", "Egress"}
        assert "ingress" not in deny["spec"] and "egress" not in deny["spec"]


def test_quotas_and_scaling_grow_with_the_environment(rendered: dict[str, list[dict]]) -> None:
    def pick(env, kind, name):
        return next(d for d in rendered[f"platform/overlays/{env}"] if d["kind"] == kind and d["metadata"]["name"] == name)
    cpu = [int(pick(e, "ResourceQuota", "compute")["spec"]["hard"]["requests.cpu"]) for e in ENVS]
    hpa = [pick(e, "HorizontalPodAutoscaler", "graphql-gateway")["spec"] for e in ENVS]
    assert cpu == sorted(cpu) and cpu[0] < cpu[2]
    assert hpa[2]["minReplicas"] >= 3 and hpa[2]["maxReplicas"] > hpa[0]["maxReplicas"]
    assert pick("prod", "HTTPRoute", "graphql-gateway")["spec"]["hostnames"] == ["api.shop.example.com"]


@pytest.mark.parametrize("env", ENVS)
def test_services_follow_the_scaling_pattern(env: str, rendered: dict[str, list[dict]]) -> None:
    """Every Deployment: no fixed replicas, an HPA, a PDB, requests and limits, restricted security."""
    docs = rendered[f"platform/overlays/{env}"]
    deployments = [d for d in docs if d["kind"] == "Deployment"]
    assert deployments
    for dep in deployments:
        ns, name = dep["metadata"]["namespace"], dep["metadata"]["name"]
        assert "replicas" not in dep["spec"], f"{ns}/{name}: the HPA owns the replica count"
        hpas = [d for d in docs if d["kind"] == "HorizontalPodAutoscaler" and d["metadata"]["namespace"] == ns
                and d["spec"]["scaleTargetRef"]["name"] == name]
        assert hpas and hpas[0]["spec"]["minReplicas"] >= 1
        pod_labels = dep["spec"]["template"]["metadata"]["labels"]
        pdbs = [d for d in docs if d["kind"] == "PodDisruptionBudget" and d["metadata"]["namespace"] == ns
                and d["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()]
        assert pdbs, f"{ns}/{name}: no PodDisruptionBudget"
        pod = dep["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        for c in pod["containers"]:
            assert {"requests", "limits"} <= set(c["resources"]), f"{ns}/{name}/{c['name']}"
            sc = c["securityContext"]
            assert sc["allowPrivilegeEscalation"] is False and sc["readOnlyRootFilesystem"] is True
            assert sc["capabilities"]["drop"] == ["ALL"]


def test_istio_component_labels_the_tenants(tmp_path: Path) -> None:
    """Installing Istio later: the component adds the revision label to every tenant namespace."""
    overlay = tmp_path / "istio"
    overlay.mkdir()
    rel = lambda p: os.path.relpath(p, overlay)
    (overlay / "kustomization.yaml").write_text(yaml.safe_dump({
        "resources": [rel(GITOPS / "platform" / "overlays" / "dev")],
        "components": [rel(GITOPS / "platform" / "components" / "istio")],
    }))
    res = subprocess.run([KUBECTL, "kustomize", "--load-restrictor", "LoadRestrictionsNone", str(overlay)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    namespaces = [d for d in yaml.safe_load_all(res.stdout) if d and d["kind"] == "Namespace"]
    tenants = [n for n in namespaces if n["metadata"]["labels"].get("ecom.io/tenant") == "true"]
    assert tenants and all(n["metadata"]["labels"]["istio.io/rev"] == "default" for n in tenants)
    assert all("istio.io/rev" not in n["metadata"]["labels"] for n in namespaces if n not in tenants)


def test_edge_bindings_target_the_gateway_proxy(rendered: dict[str, list[dict]]) -> None:
    proxy = next(d for d in rendered["platform/overlays/prod"] if d["kind"] == "EnvoyProxy")
    service = proxy["spec"]["provider"]["kubernetes"]["envoyService"]
    gateway = next(d for d in rendered["platform/overlays/prod"] if d["kind"] == "Gateway")
    ports = {l["port"] for l in gateway["spec"]["listeners"]}
    bindings = [d for d in rendered["platform/edge-bindings"] if d["kind"] == "TargetGroupBinding"]
    assert {b["metadata"]["name"] for b in bindings} == {"public-http", "public-grpc"}
    for b in bindings:
        assert b["metadata"]["namespace"] == proxy["metadata"]["namespace"]
        assert b["spec"]["serviceRef"]["name"] == service["name"] and service["type"] == "ClusterIP"
        assert b["spec"]["serviceRef"]["port"] in ports and b["spec"]["targetType"] == "ip"


# --- agreement with the Terraform (infrastructure/modules/eks) -------------

def terraform_controllers() -> dict[str, tuple[str, str]]:
    text = (EKS_MODULE / "pod_identity.tf").read_text()
    found = re.findall(r'^\s*([a-z-]+)\s*=\s*\{\s*namespace\s*=\s*"([^"]+)",\s*service_account\s*=\s*"([^"]+)"', text, re.M)
    assert len(found) == 6, "pod_identity.tf controllers not found"
    return {k: (ns, sa) for k, ns, sa in found}


def test_controllers_use_the_service_accounts_terraform_binds(rendered: dict[str, list[dict]]) -> None:
    """Pod Identity associations are by namespace and service account: both sides must agree."""
    bound = set(terraform_controllers().values())
    appsets = {d["metadata"]["name"]: d for d in rendered["clusters/prod"] if d["kind"] == "ApplicationSet"}
    for addon, key in [("cluster-autoscaler", ("rbac", "serviceAccount", "name")),
                       ("aws-load-balancer-controller", ("serviceAccount", "name")),
                       ("external-dns", ("serviceAccount", "name")),
                       ("fluent-bit", ("serviceAccount", "name")),
                       ("otel-collector", ("serviceAccount", "name"))]:
        values = yaml.safe_load((GITOPS / "addons" / addon / "values.yaml").read_text())
        for k in key:
            values = values[k]
        namespace = appsets[addon]["spec"]["template"]["spec"]["destination"]["namespace"]
        assert (namespace, values) in bound, f"{addon}: {namespace}/{values} has no Pod Identity association"
    assert ("kube-system", "ebs-csi-controller-sa") in bound  # the EBS CSI add-on's own service account


def terraform_bridge_annotations() -> set[str]:
    text = (EKS_MODULE / "outputs.tf").read_text()
    block = text[text.index('output "gitops_bridge"'):]
    block = block[block.index("annotations = {"):]
    return set(re.findall(r'"(ecom\.io/[a-z0-9-]+)"\s*=', block[:block.index("}")]))


# Annotations the edge layer adds to the cluster secret when it binds the cluster.
EDGE_ANNOTATIONS = {"ecom.io/alb-http-target-group-arn", "ecom.io/nlb-grpc-target-group-arn"}


def test_appsets_read_only_bridge_facts_terraform_provides(rendered: dict[str, list[dict]]) -> None:
    provided = terraform_bridge_annotations()
    assert "ecom.io/aws-cluster-name" in provided and "ecom.io/aws-region" in provided
    used = set()
    for doc in rendered["clusters/prod"]:
        used |= set(re.findall(r'index \.metadata\.annotations "(ecom\.io/[a-z0-9-]+)"', json.dumps(doc).replace('\\"', '"')))
    assert used, "no bridge annotations used"
    assert used <= provided | EDGE_ANNOTATIONS, f"not provided by the EKS stack: {used - provided - EDGE_ANNOTATIONS}"
    example = yaml.safe_load((GITOPS / "bridge" / "cluster-secret.example.yaml").read_text())
    assert set(example["metadata"]["annotations"]) == provided


def test_pods_reach_the_data_stores_on_the_network_layers_ports(rendered: dict[str, list[dict]]) -> None:
    """The tenants' egress to the data subnets matches the workload security group's ports."""
    text = (REPO / "infrastructure" / "modules" / "network" / "variables.tf").read_text()
    block = text[text.index('variable "data_ports"'):]
    block = block[block.index("default = {"):block.index("}")]
    network_ports = {int(p) for p in re.findall(r"=\s*(\d+)", block)}
    assert network_ports, "data_ports not found"
    policy = next(d for d in rendered["platform/overlays/prod"]
                  if d["kind"] == "NetworkPolicy" and d["metadata"]["name"] == "allow-data-stores")
    allowed = {p["port"] for rule in policy["spec"]["egress"] for p in rule["ports"]}
    https = {443}  # OpenSearch: allowed by allow-aws-apis
    assert network_ports - https == allowed, f"network {sorted(network_ports)} vs NetworkPolicy {sorted(allowed)}"


def test_cluster_autoscaler_reacts_within_30_seconds() -> None:
    values = yaml.safe_load((GITOPS / "addons" / "cluster-autoscaler" / "values.yaml").read_text())
    args = values["extraArgs"]
    seconds = lambda s: int(s.rstrip("s"))
    assert seconds(args["scan-interval"]) + seconds(args["new-pod-scale-up-delay"]) <= 30
    minor = env_data("prod")["eks"]["kubernetes_version"]
    assert values["image"]["tag"].startswith(f"v{minor}."), "the autoscaler's minor must match the cluster's"
