"""Glue Schema Registry: a registry's tags are readable with GetTags; a new
schema version must keep the schema's compatibility mode.

AWS behaviour: CreateRegistry's ``Tags`` tag the registry; GetTags on the
registry's ARN returns them (and TagResource/UntagResource change them).
RegisterSchemaVersion (what the provider calls when an ``aws_glue_schema``'s
definition changes) refuses a version that breaks the schema's compatibility
mode (BACKWARD, FORWARD, FULL and their ``_ALL`` forms; NONE and DISABLED check
nothing), so the apply fails and the schema keeps its versions.

moto gap (5.2.1): ``GlueBackend.create_registry`` keeps the tags on the
registry object but not in the backend's tagging service, which is what
GetTags reads, so a registry created with tags (every registry under the
provider's ``default_tags``) reads back untagged and the next plan wants to
add the tags again. Found by the events conformance group.

moto gap (5.2.1): RegisterSchemaVersion stores any definition as a new
AVAILABLE version, so an incompatible schema change applies cleanly locally
and fails on AWS. Found by the events layer (docs/decisions/0011).

Extension (in moto's terms): wraps ``GlueBackend.create_registry`` to also
record the tags in ``self.tagger`` under the registry's ARN, and
``delete_registry`` to drop them; wraps ``register_schema_version`` to check
an AVRO definition against the schema's AVAILABLE versions with the project's
Avro compatibility rules (``events/avro_compat.py``, one implementation for
the emulator and the schema tests) and raise ``InvalidInputException`` when it
breaks the mode. (AWS may instead accept the call and leave the version in
status FAILURE; the provider's wait for AVAILABLE then fails the apply just
the same.)
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

NAME = "glue"


def _avro_compat() -> ModuleType:
    """``events/avro_compat.py`` of the repository the emulator runs from."""
    for parent in Path(__file__).resolve().parents:
        path = parent / "events" / "avro_compat.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("infra_emulator_avro_compat", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module
    raise RuntimeError("events/avro_compat.py not found above the emulator's sources")


def apply() -> None:
    from moto.glue.models import GlueBackend

    from moto.glue.exceptions import GSRInvalidInputException as InvalidInputException

    if getattr(GlueBackend, "_infra_emulator_glue", False):
        return

    compat = _avro_compat()
    register = GlueBackend.register_schema_version

    def register_schema_version(self, schema_id, schema_definition):  # type: ignore[no-untyped-def]
        registry = schema_id.get("RegistryName")
        name = schema_id.get("SchemaName")
        if schema_id.get("SchemaArn"):
            registry, name = schema_id["SchemaArn"].split(":schema/", 1)[1].split("/", 1)
        schema = self.registries.get(registry or "default-registry", None)
        schema = schema.schemas.get(name) if schema is not None else None
        if schema is not None and schema.data_format == "AVRO":
            versions = sorted((v for v in schema.schema_versions.values()
                               if v.schema_version_status == "AVAILABLE"),
                              key=lambda v: v.version_number)
            if not any(v.schema_definition == schema_definition for v in versions):
                try:
                    reasons = compat.check(schema.compatibility, json.loads(schema_definition),
                                           [json.loads(v.schema_definition) for v in versions])
                except (ValueError, KeyError, TypeError) as err:
                    raise InvalidInputException(f"Schema definition is not valid AVRO: {err}")
                if reasons:
                    raise InvalidInputException(
                        f"Schema definition of the new version is not {schema.compatibility} "
                        f"compatible with the schema {name}: " + "; ".join(reasons))
        return register(self, schema_id, schema_definition)

    create = GlueBackend.create_registry
    delete = GlueBackend.delete_registry

    def create_registry(self, registry_name, description=None, tags=None):  # type: ignore[no-untyped-def]
        result = create(self, registry_name, description, tags)
        arn = result.get("RegistryArn") if isinstance(result, dict) else getattr(result, "arn", None)
        if arn and tags:
            self.tag_resource(arn, tags)
        return result

    def delete_registry(self, registry_id):  # type: ignore[no-untyped-def]
        result = delete(self, registry_id)
        arn = result.get("RegistryArn") if isinstance(result, dict) else None
        if arn:
            self.tagger.delete_all_tags_for_resource(arn)
        return result

    GlueBackend.create_registry = create_registry
    GlueBackend.delete_registry = delete_registry
    GlueBackend.register_schema_version = register_schema_version
    GlueBackend._infra_emulator_glue = True
