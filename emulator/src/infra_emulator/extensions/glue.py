"""Glue Schema Registry: a registry's tags are readable with GetTags.

AWS behaviour: CreateRegistry's ``Tags`` tag the registry; GetTags on the
registry's ARN returns them (and TagResource/UntagResource change them).

moto gap (5.2.1): ``GlueBackend.create_registry`` keeps the tags on the
registry object but not in the backend's tagging service, which is what
GetTags reads, so a registry created with tags (every registry under the
provider's ``default_tags``) reads back untagged and the next plan wants to
add the tags again. Found by the events conformance group.

Extension (in moto's terms): wraps ``GlueBackend.create_registry`` to also
record the tags in ``self.tagger`` under the registry's ARN, and
``delete_registry`` to drop them.
"""

NAME = "glue"


def apply() -> None:
    from moto.glue.models import GlueBackend

    if getattr(GlueBackend, "_infra_emulator_glue", False):
        return

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
    GlueBackend._infra_emulator_glue = True
