"""Every event schema is valid Avro, its example conforms, and a change that
breaks the registry's compatibility mode is rejected, as Glue would reject it
on RegisterSchemaVersion (the local emulator does not check)."""

import io
import json
import os
import subprocess
from pathlib import Path

import fastavro
import pytest
from fastavro.read import SchemaResolutionError

import avro_compat
import topics

EVENTS = Path(__file__).resolve().parents[1]
SCHEMAS = sorted((EVENTS / "schemas").glob("*.avsc"))
FIXTURES = EVENTS / "tests" / "fixtures"
MODE = topics.load_catalog()["schema_registry"]["compatibility"]


def load(path: Path) -> dict:
    return json.loads(path.read_text())


def plain(schema):
    """The schema without logical types: the same bytes on the wire, and values
    read back as written (no datetime for timestamp-millis)."""
    if isinstance(schema, dict):
        return {k: plain(v) for k, v in schema.items() if k != "logicalType"}
    if isinstance(schema, list):
        return [plain(v) for v in schema]
    return schema


def roundtrip(record: dict, writer: dict, reader: dict) -> dict:
    """Write with one schema, read with another (Avro schema resolution)."""
    writer, reader = plain(writer), plain(reader)
    buf = io.BytesIO()
    fastavro.schemaless_writer(buf, fastavro.parse_schema(writer), record)
    buf.seek(0)
    return fastavro.schemaless_reader(buf, fastavro.parse_schema(writer),
                                      fastavro.parse_schema(reader))


def test_there_are_schemas():
    assert len(SCHEMAS) >= 6


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_schema_is_valid_avro(path):
    fastavro.parse_schema(load(path))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_example_conforms(path):
    example = EVENTS / "examples" / f"{path.stem}.json"
    assert example.is_file(), f"every schema has an example: {example} is missing"
    record = load(example)
    fastavro.validation.validate(record, fastavro.parse_schema(load(path)), raise_errors=True)
    assert roundtrip(record, load(path), load(path)) == record


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_schema_is_compatible_with_itself(path):
    assert avro_compat.check(MODE, load(path), [load(path)]) == []


def base_version(path: Path) -> dict | None:
    """The schema at EVENTS_SCHEMA_BASE (a git revision, default HEAD; CI on a
    pull request sets it to the target branch), or None if it is new there."""
    rev = os.environ.get("EVENTS_SCHEMA_BASE", "HEAD")
    rel = path.relative_to(EVENTS.parent).as_posix()
    try:
        out = subprocess.run(["git", "-C", str(EVENTS.parent), "show", f"{rev}:{rel}"],
                             capture_output=True, text=True, check=False)
    except FileNotFoundError:
        pytest.fail("git is needed to compare schemas with their previous version")
    return json.loads(out.stdout) if out.returncode == 0 else None


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_change_keeps_the_registry_mode(path):
    """A schema edited in the working tree must keep the mode against its
    previous version: the change Glue would accept."""
    before = base_version(path)
    if before is None:
        return  # a new schema: its first version has nothing to be compatible with
    assert avro_compat.check(MODE, load(path), [before]) == []


def test_the_registry_mode_is_backward():
    assert MODE == "BACKWARD"


V1 = load(FIXTURES / "orders-value.v1.avsc")
EXAMPLE = load(EVENTS / "examples" / "orders-value.json")


def test_v1_fixture_is_the_committed_schema():
    assert V1 == load(EVENTS / "schemas" / "orders-value.avsc")


def test_optional_field_is_accepted():
    v2 = load(FIXTURES / "orders-value.v2-optional-field.avsc")
    assert avro_compat.check("BACKWARD", v2, [V1]) == []
    assert avro_compat.check("FULL", v2, [V1]) == []
    # fastavro, reading old data with the new schema, agrees
    assert roundtrip(EXAMPLE, V1, v2)["coupon_code"] is None


@pytest.mark.parametrize("fixture,reason", [
    ("orders-value.v2-required-field.avsc", "$.channel: a new field without a default"),
    ("orders-value.v2-narrowed-type.avsc", "$.total_minor: the writer's long cannot be read as int"),
    ("orders-value.v2-enum-symbol-removed.avsc", "lacks the writer's symbols CANCELLED"),
])
def test_incompatible_change_is_rejected(fixture, reason):
    v2 = load(FIXTURES / fixture)
    errors = avro_compat.check("BACKWARD", v2, [V1])
    assert errors and any(reason in e for e in errors), errors
    # a real Avro reader agrees: old data cannot be read with the new schema
    # (the narrowed type is only caught by the checker: fastavro reads a long
    # into an int field unchecked)
    if "narrowed" not in fixture:
        with pytest.raises((SchemaResolutionError, ValueError)):
            roundtrip(dict(EXAMPLE, type="CANCELLED"), V1, v2)


def test_forward_rejects_what_backward_allows():
    """Deleting a required field is BACKWARD (new readers ignore it) but not
    FORWARD (old readers need it)."""
    v2 = json.loads(json.dumps(V1))
    v2["fields"] = [f for f in v2["fields"] if f["name"] != "customer_id"]
    assert avro_compat.check("BACKWARD", v2, [V1]) == []
    assert any("customer_id" in e for e in avro_compat.check("FORWARD", v2, [V1]))
    assert avro_compat.check("NONE", {"type": "string"}, [V1]) == []


def test_all_modes_check_every_version():
    v1 = {"type": "record", "name": "R", "fields": [{"name": "a", "type": "string"}]}
    v2 = {"type": "record", "name": "R", "fields": [
        {"name": "a", "type": "string"}, {"name": "b", "type": "int", "default": 0}]}
    v3 = {"type": "record", "name": "R", "fields": [
        {"name": "a", "type": "string"}, {"name": "b", "type": "int"}]}
    assert avro_compat.check("BACKWARD", v3, [v1, v2]) == []
    assert avro_compat.check("BACKWARD_ALL", v3, [v1, v2]) != []


def test_promotions_and_unions():
    rec = lambda t: {"type": "record", "name": "R", "fields": [{"name": "x", "type": t}]}
    assert avro_compat.can_read(rec("long"), rec("int")) == []
    assert avro_compat.can_read(rec(["null", "string"]), rec("string")) == []
    assert avro_compat.can_read(rec("string"), rec(["null", "string"])) != []
    assert avro_compat.can_read(rec("int"), rec("long")) != []


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        avro_compat.check("STRICT", V1, [V1])
