"""The JSON Schemas of every file the engine reads, and the reference page generated from them
(``docs/reference.md``): manifest, publication, layouts, stylesheet, data files."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ials_print.manifest.model import Manifest, Publication
from ials_print.manifest.pagedata import PageData
from ials_print.manifest.templates import Stylesheet, Template

# kind -> (model, title, where such files live)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "manifest": (Manifest, "Issue manifest", "the issue's YAML file, e.g. `issue/zine-07.yaml`"),
    "publication": (Publication, "Publication", "`publication:` in the manifest, or the file it names"),
    "layout": (Template, "Layout (page template)", "`layouts/<name>.yaml`"),
    "stylesheet": (Stylesheet, "Stylesheet", "`layouts/styles.yaml` (the manifest's `resources.stylesheet`)"),
    "data": (PageData, "Data file of the pages built from data", "a section's `data:`, e.g. `texts/front-back.yaml`"),
}


def json_schema(kind: str) -> dict[str, Any]:
    model, title, _ = SCHEMAS[kind]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ials-print {title.lower()}" if kind != "manifest" else "ials-print issue manifest"
    return schema


def _type(spec: dict[str, Any]) -> str:
    """A readable type for one property's schema."""
    if "$ref" in spec:
        return f"[{spec['$ref'].rsplit('/', 1)[-1]}](#{spec['$ref'].rsplit('/', 1)[-1].lower()})"
    if "anyOf" in spec:
        return " or ".join(_type(s) for s in spec["anyOf"] if s.get("type") != "null")
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "any")
    if kind == "array":
        items = spec.get("prefixItems") or [spec.get("items", {})]
        return f"list of {', '.join(_type(i) for i in items)}"
    if kind == "object" and "additionalProperties" in spec:
        return f"map of {_type(spec['additionalProperties'])}"
    bounds = [f"{op} {spec[key]}" for key, op in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"))
              if key in spec]  # fmt: skip
    return kind + (f" ({', '.join(bounds)})" if bounds else "")


def _default(spec: dict[str, Any]) -> str:
    if "default" not in spec:
        return ""
    value = spec["default"]
    if isinstance(value, dict):
        return "its defaults"
    if value is None or value == []:
        return "none"
    return f"`{value}`"


def _what(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """The property's description, else that of the object it holds."""
    text = spec.get("description", "")
    refs = [spec, *spec.get("anyOf", []), spec.get("items", {}), spec.get("additionalProperties") or {}]
    for ref in (r.get("$ref") for r in refs if isinstance(r, dict)):
        if not text and ref:
            text = defs.get(ref.rsplit("/", 1)[-1], {}).get("description", "")
    return " ".join(text.split()).replace("|", "\\|")


def _table(schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| key | type | default | what |", "|---|---|---|---|"]
    for name, spec in schema.get("properties", {}).items():
        default = "*required*" if name in required else _default(spec)
        rows.append(f"| `{name}` | {_type(spec)} | {default} | {_what(spec, defs)} |")
    return rows


def markdown_reference() -> str:
    """Every key of every file, from the schemas (``docs/reference.md``)."""
    out = [
        "# Reference: every key of every file",
        "",
        "Generated from the engine's schemas by `ials-print schema --markdown` (a test keeps it current).",
        "Lengths in millimetres, type sizes and spacing in points, colours in CMYK percent.",
        "",
    ]
    for kind, (_, title, where) in SCHEMAS.items():
        schema = json_schema(kind)
        out += [f"## {title}", "", f"Where: {where}. JSON Schema: `ials-print schema {kind}`.", ""]
        doc = " ".join((schema.get("description") or "").split())
        defs = schema.get("$defs", {})
        out += ([doc, ""] if doc else []) + _table(schema, defs) + [""]
        for name, sub in sorted(defs.items()):
            if "properties" not in sub:
                continue
            out += [f"### {name}", ""]
            doc = " ".join((sub.get("description") or "").split())
            out += ([doc, ""] if doc else []) + _table(sub, defs) + [""]
    return "\n".join(out).rstrip() + "\n"
