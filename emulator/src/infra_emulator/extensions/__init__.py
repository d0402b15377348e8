"""The project's extensions of moto, registered in one list.

Each module provides ``NAME`` and ``apply()``; its docstring says which AWS
behaviour it provides and which moto gap it closes. ``apply_all`` applies them
in order, once per process, and returns their names (reported by
``GET /infra-emulator/health``).
"""

from importlib import import_module

# Order matters only where noted in a module's docstring.
EXTENSIONS: list[str] = [
    "accounts",
    "cloudtrail",
    "ec2_network",
    "ec2_nodes",
    "kms",
    "guardduty",
    "accessanalyzer",
    "rds",
    "msk",
    "eks",
    "ec2_launch_template",
    "budgets",
    "appautoscaling",
    "elasticache",
    "backup",
    "xray",
    "costexplorer",
    "glue",
    "introspection",
    "s3_policy",
    "s3_versions",
    "s3_lifecycle",
]


def apply_all() -> list[str]:
    names = []
    for module_name in EXTENSIONS:
        module = import_module(f"{__name__}.{module_name}")
        module.apply()
        names.append(module.NAME)
    return names
