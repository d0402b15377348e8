"""Schemas of the custom resources the GitOps tree uses.

kubernetes-validate bundles only the built-in Kubernetes schemas, so the
resources of Argo CD, the Gateway API, Envoy Gateway, cert-manager, the VPA and
the AWS Load Balancer Controller are checked against these: the fields each
CRD requires and, for strictness, the fields it allows at the top of `spec`
(a misspelt field fails, as with `kubernetes-validate --strict`). Written from
the CRDs of the pinned chart versions (gitops/clusters/base/appsets).
"""

from typing import Any


def _obj(required: list[str], props: dict[str, Any], extra: bool = False) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": props,
            "additionalProperties": extra}


ANY = {}
STR = {"type": "string", "minLength": 1}
META = {"type": "object", "required": ["name"], "properties": {"name": STR}}
META_NS = {"type": "object", "required": ["name", "namespace"], "properties": {"name": STR, "namespace": STR}}


def _resource(api: str, kind: str, spec: dict[str, Any], namespaced: bool = True) -> dict[str, Any]:
    return _obj(["apiVersion", "kind", "metadata", "spec"], {
        "apiVersion": {"const": api}, "kind": {"const": kind},
        "metadata": META_NS if namespaced else META, "spec": spec,
    })


ARGO_SOURCE = _obj(["repoURL", "targetRevision"], {
    "repoURL": STR, "targetRevision": STR, "path": STR, "chart": STR, "ref": STR,
    "helm": _obj([], {"releaseName": STR, "valueFiles": {"type": "array", "items": STR},
                      "valuesObject": {"type": "object"}, "values": {"type": "string"}}),
    "kustomize": _obj([], {"patches": {"type": "array", "items": _obj(["patch", "target"], {
        "patch": STR, "target": {"type": "object"}})}}),
})
ARGO_APP_SPEC = _obj(["project", "destination"], {
    "project": STR,
    "destination": _obj(["server"], {"server": STR, "namespace": STR}),
    "source": ARGO_SOURCE,
    "sources": {"type": "array", "minItems": 1, "items": ARGO_SOURCE},
    "syncPolicy": _obj([], {
        "automated": _obj([], {"prune": {"type": "boolean"}, "selfHeal": {"type": "boolean"}}),
        "syncOptions": {"type": "array", "items": STR},
        "managedNamespaceMetadata": _obj([], {"labels": {"type": "object"}, "annotations": {"type": "object"}}),
        "retry": {"type": "object"},
    }),
})
ARGO_APP_SPEC["oneOf"] = [{"required": ["source"]}, {"required": ["sources"]}]

SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {
    ("argoproj.io/v1alpha1", "Application"): _resource("argoproj.io/v1alpha1", "Application", ARGO_APP_SPEC),
    ("argoproj.io/v1alpha1", "ApplicationSet"): _resource("argoproj.io/v1alpha1", "ApplicationSet", _obj(
        ["generators", "template"], {
            "goTemplate": {"type": "boolean"},
            "goTemplateOptions": {"type": "array", "items": STR},
            "generators": {"type": "array", "minItems": 1, "items": {"type": "object"}},
            "template": _obj(["metadata", "spec"], {
                "metadata": _obj(["name"], {"name": STR, "labels": {"type": "object"}}),
                "spec": ARGO_APP_SPEC,
            }),
        })),
    ("argoproj.io/v1alpha1", "AppProject"): _resource("argoproj.io/v1alpha1", "AppProject", _obj(
        ["sourceRepos", "destinations"], {
            "description": STR, "sourceRepos": {"type": "array", "items": STR},
            "destinations": {"type": "array", "items": _obj(["server", "namespace"], {"server": STR, "namespace": STR})},
            "clusterResourceWhitelist": {"type": "array"},
        })),
    ("gateway.networking.k8s.io/v1", "GatewayClass"): _resource("gateway.networking.k8s.io/v1", "GatewayClass", _obj(
        ["controllerName"], {"controllerName": STR, "parametersRef": _obj(["group", "kind", "name"], {
            "group": STR, "kind": STR, "name": STR, "namespace": STR}), "description": STR}), namespaced=False),
    ("gateway.networking.k8s.io/v1", "Gateway"): _resource("gateway.networking.k8s.io/v1", "Gateway", _obj(
        ["gatewayClassName", "listeners"], {
            "gatewayClassName": STR, "addresses": {"type": "array"}, "infrastructure": {"type": "object"},
            "listeners": {"type": "array", "minItems": 1, "items": _obj(["name", "port", "protocol"], {
                "name": STR, "hostname": STR, "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                "protocol": {"enum": ["HTTP", "HTTPS", "TLS", "TCP", "UDP"]}, "tls": {"type": "object"},
                "allowedRoutes": {"type": "object"}})},
        })),
    ("gateway.networking.k8s.io/v1", "HTTPRoute"): _resource("gateway.networking.k8s.io/v1", "HTTPRoute", _obj(
        ["parentRefs", "rules"], {
            "parentRefs": {"type": "array", "minItems": 1, "items": _obj(["name"], {
                "name": STR, "namespace": STR, "sectionName": STR, "port": {"type": "integer"},
                "group": STR, "kind": STR})},
            "hostnames": {"type": "array", "items": STR},
            "rules": {"type": "array", "minItems": 1, "items": _obj([], {
                "matches": {"type": "array"}, "filters": {"type": "array"}, "timeouts": {"type": "object"},
                "backendRefs": {"type": "array", "items": _obj(["name"], {
                    "name": STR, "port": {"type": "integer"}, "weight": {"type": "integer"},
                    "namespace": STR, "group": {"type": "string"}, "kind": STR})}})},
        })),
    ("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy"): _resource("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", _obj(
        [], {"provider": _obj(["type"], {"type": {"const": "Kubernetes"}, "kubernetes": _obj([], {
            "envoyDeployment": {"type": "object"}, "envoyService": _obj([], {
                "name": STR, "type": {"enum": ["ClusterIP", "LoadBalancer", "NodePort"]},
                "annotations": {"type": "object"}}), "envoyHpa": {"type": "object"},
            "envoyPDB": {"type": "object"}})}),
             "logging": {"type": "object"}, "telemetry": {"type": "object"}})),
    ("cert-manager.io/v1", "ClusterIssuer"): _resource("cert-manager.io/v1", "ClusterIssuer", _obj(
        [], {"selfSigned": {"type": "object"}, "ca": _obj(["secretName"], {"secretName": STR}),
             "acme": {"type": "object"}}), namespaced=False),
    ("cert-manager.io/v1", "Certificate"): _resource("cert-manager.io/v1", "Certificate", _obj(
        ["secretName", "issuerRef"], {
            "isCA": {"type": "boolean"}, "commonName": STR, "secretName": STR, "dnsNames": {"type": "array"},
            "duration": STR, "renewBefore": STR, "privateKey": _obj([], {
                "algorithm": {"enum": ["RSA", "ECDSA", "Ed25519"]}, "size": {"type": "integer"},
                "rotationPolicy": STR}),
            "issuerRef": _obj(["name"], {"name": STR, "kind": STR, "group": STR})})),
    ("autoscaling.k8s.io/v1", "VerticalPodAutoscaler"): _resource("autoscaling.k8s.io/v1", "VerticalPodAutoscaler", _obj(
        ["targetRef"], {
            "targetRef": _obj(["apiVersion", "kind", "name"], {"apiVersion": STR, "kind": STR, "name": STR}),
            "updatePolicy": _obj([], {"updateMode": {"enum": ["Off", "Initial", "Recreate", "Auto", "InPlaceOrRecreate"]},
                                      "minReplicas": {"type": "integer"}}),
            "resourcePolicy": {"type": "object"}})),
    ("elbv2.k8s.aws/v1beta1", "TargetGroupBinding"): _resource("elbv2.k8s.aws/v1beta1", "TargetGroupBinding", _obj(
        ["serviceRef", "targetGroupARN"], {
            "serviceRef": _obj(["name", "port"], {"name": STR, "port": {"type": ["integer", "string"]}}),
            "targetGroupARN": {"type": "string", "pattern": r"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup/[^/]+/[0-9a-f]+$"},
            "targetType": {"enum": ["ip", "instance"]}, "networking": {"type": "object"},
            "nodeSelector": {"type": "object"}, "ipAddressType": {"enum": ["ipv4", "ipv6"]}})),
}
