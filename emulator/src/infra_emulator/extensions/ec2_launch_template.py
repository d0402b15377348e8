"""EC2 launch templates: the template's own tags stay out of its data (needed by
the EKS node groups' launch templates).

AWS behaviour: CreateLaunchTemplate's request-level ``TagSpecifications``
(resource type ``launch-template``) tag the launch template itself; they are
not part of ``LaunchTemplateData``, so DescribeLaunchTemplateVersions returns
only the ``TagSpecifications`` sent inside ``LaunchTemplateData`` (for the
instances, volumes, ... launched from it).

moto gap (5.2.1): CreateLaunchTemplate appends the request-level tag
specifications to the first version's ``LaunchTemplateData.TagSpecifications``,
so a template created with tags (every template under the provider's
``default_tags``) reads back with a ``tag_specifications`` block for
``launch-template`` that was never configured: the next plan wants to change
the template, and everything using its ``latest_version`` (an EKS node group)
changes too.

Extension (in moto's terms): wraps moto's ``LaunchTemplates.create_launch_template``
response and drops the appended entries from the version's data; the template
keeps its tags. Found by the EKS conformance group.
"""

NAME = "ec2_launch_template"


def apply() -> None:
    from moto.ec2.responses.launch_templates import LaunchTemplates

    if getattr(LaunchTemplates, "_infra_emulator_tag_spec", False):
        return
    original = LaunchTemplates.create_launch_template

    def create_launch_template(self):  # type: ignore[no-untyped-def]
        sent = self._get_param("LaunchTemplateData", {}) or {}
        had_key = "TagSpecifications" in sent
        count = len(sent.get("TagSpecifications") or [])
        result = original(self)
        template = self.ec2_backend.get_launch_template_by_name(
            self._get_param("LaunchTemplateName"))
        for version in template.versions:
            specs = version.data.get("TagSpecifications")
            if specs is not None and len(specs) > count:
                if had_key:
                    version.data["TagSpecifications"] = specs[:count]
                else:
                    version.data.pop("TagSpecifications", None)
        return result

    LaunchTemplates.create_launch_template = create_launch_template
    LaunchTemplates._infra_emulator_tag_spec = True
