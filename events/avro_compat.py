"""Avro schema compatibility, as AWS Glue Schema Registry checks it.

Glue rejects a new schema version (RegisterSchemaVersion) that breaks the
schema's compatibility mode. The local emulator does not check, so this module
implements the same rule from the Avro specification's "Schema Resolution"
section, and the tests run it on every schema change (events/tests):

- BACKWARD: consumers using the new schema can read data written with the
  previous one (new = reader, old = writer).
- FORWARD: consumers still on the previous schema can read data written with
  the new one (old = reader, new = writer).
- FULL: both. The ``*_ALL`` modes apply the same rule against every earlier
  version instead of the latest one. NONE and DISABLED check nothing.

Only the standard library: the emulator or a CI step can use it as it is.
"""

from __future__ import annotations

import json
from typing import Any

PRIMITIVES = ("null", "boolean", "int", "long", "float", "double", "bytes", "string")
NAMED = ("record", "enum", "fixed")
# writer type -> reader types that can read it (Avro promotion rules)
PROMOTIONS = {
    "int": {"long", "float", "double"},
    "long": {"float", "double"},
    "float": {"double"},
    "string": {"bytes"},
    "bytes": {"string"},
}
MODES = ("NONE", "DISABLED", "BACKWARD", "BACKWARD_ALL", "FORWARD", "FORWARD_ALL",
         "FULL", "FULL_ALL")


class SchemaError(ValueError):
    """The text is not an Avro schema this checker understands."""


def _full_name(name: str, namespace: str | None) -> str:
    if "." in name or not namespace:
        return name
    return f"{namespace}.{name}"


def _short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


class _Schema:
    """A parsed schema: the root and a table of its named types."""

    def __init__(self, text_or_obj: str | Any):
        obj = json.loads(text_or_obj) if isinstance(text_or_obj, str) else text_or_obj
        self.names: dict[str, dict[str, Any]] = {}
        self.root = self._index(obj, None)

    def _index(self, node: Any, namespace: str | None) -> Any:
        if isinstance(node, str):
            return node if node in PRIMITIVES else _full_name(node, namespace)
        if isinstance(node, list):
            return [self._index(n, namespace) for n in node]
        if not isinstance(node, dict) or "type" not in node:
            raise SchemaError(f"not an Avro schema: {node!r}")
        kind = node["type"]
        if kind in NAMED:
            if "name" not in node:
                raise SchemaError(f"a {kind} needs a name")
            ns = node.get("namespace", namespace)
            full = _full_name(node["name"], ns)
            ns = full.rsplit(".", 1)[0] if "." in full else None
            out = dict(node, name=full)
            self.names[full] = out
            if kind == "record":
                out["fields"] = [dict(f, type=self._index(f["type"], ns)) for f in node["fields"]]
            return out
        if kind == "array":
            return dict(node, items=self._index(node["items"], namespace))
        if kind == "map":
            return dict(node, values=self._index(node["values"], namespace))
        if kind in PRIMITIVES:
            return kind  # logical types read as their underlying type
        if isinstance(kind, (dict, list)):
            return self._index(kind, namespace)
        return _full_name(kind, namespace)  # {"type": "SomeNamedType"}

    def resolve(self, node: Any) -> Any:
        if isinstance(node, str) and node not in PRIMITIVES:
            if node not in self.names:
                raise SchemaError(f"unknown type {node}")
            return self.names[node]
        return node


def _kind(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "union"
    return node["type"]


def _errors(reader: _Schema, r: Any, writer: _Schema, w: Any, path: str,
            seen: set[tuple[str, str]]) -> list[str]:
    r, w = reader.resolve(r), writer.resolve(w)
    rk, wk = _kind(r), _kind(w)
    if wk == "union":
        out = []
        for branch in w:
            out += _errors(reader, r, writer, branch, path, seen)
        return out
    if rk == "union":
        for branch in r:
            if not _errors(reader, branch, writer, w, path, seen):
                return []
        return [f"{path}: no branch of the reader's union reads the writer's {wk}"]
    if rk in PRIMITIVES or wk in PRIMITIVES:
        if rk == wk or rk in PROMOTIONS.get(wk, set()):
            return []
        return [f"{path}: the writer's {wk} cannot be read as {rk}"]
    if rk != wk:
        return [f"{path}: the writer's {wk} cannot be read as {rk}"]
    if rk in NAMED:
        names = {_short(r["name"])} | {_short(a) for a in r.get("aliases", [])}
        if _short(w["name"]) not in names:
            return [f"{path}: the writer's {wk} {w['name']} is not the reader's {r['name']}"]
        key = (r["name"], w["name"])
        if key in seen:  # recursive types: this pair is being checked already
            return []
        seen = seen | {key}
    if rk == "record":
        out = []
        wfields = {f["name"]: f for f in w["fields"]}
        for f in r["fields"]:
            match = next((wfields[n] for n in [f["name"], *f.get("aliases", [])]
                          if n in wfields), None)
            where = f"{path}.{f['name']}"
            if match is None:
                if "default" not in f:
                    out.append(f"{where}: a new field without a default (data written "
                               f"before it has no value for it)")
                continue
            out += _errors(reader, f["type"], writer, match["type"], where, seen)
        return out
    if rk == "enum":
        missing = [s for s in w["symbols"] if s not in r["symbols"]]
        if missing and "default" not in r:
            return [f"{path}: the reader's enum {r['name']} lacks the writer's symbols "
                    f"{', '.join(missing)}"]
        return []
    if rk == "fixed":
        if r["size"] != w["size"]:
            return [f"{path}: fixed {r['name']} has size {r['size']}, the writer's {w['size']}"]
        return []
    if rk == "array":
        return _errors(reader, r["items"], writer, w["items"], f"{path}[]", seen)
    if rk == "map":
        return _errors(reader, r["values"], writer, w["values"], f"{path}{{}}", seen)
    return [f"{path}: unsupported type {rk}"]


def can_read(reader: str | Any, writer: str | Any) -> list[str]:
    """Why data written with ``writer`` cannot be read with ``reader`` ([] = it can)."""
    rs, ws = _Schema(reader), _Schema(writer)
    return _errors(rs, rs.root, ws, ws.root, "$", set())


def check(mode: str, new: str | Any, previous: list[str | Any]) -> list[str]:
    """Reasons ``new`` breaks ``mode`` against the earlier versions (oldest first)."""
    if mode not in MODES:
        raise ValueError(f"unknown compatibility mode {mode}; one of {', '.join(MODES)}")
    if mode in ("NONE", "DISABLED") or not previous:
        return []
    against = previous if mode.endswith("_ALL") else previous[-1:]
    out: list[str] = []
    for old in against:
        if mode.startswith(("BACKWARD", "FULL")):
            out += [f"BACKWARD {e}" for e in can_read(new, old)]
        if mode.startswith(("FORWARD", "FULL")):
            out += [f"FORWARD {e}" for e in can_read(old, new)]
    return out
