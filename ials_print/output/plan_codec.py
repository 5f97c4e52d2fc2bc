"""What a section's layout found (its page plans, findings and placed images) as JSON and back, for
the section cache: plain data only, nothing run on reading.

Dataclasses are mappings tagged with their class name (``"@"``), tuples and sets are tagged too
(``{"@t": [...]}``, ``{"@s": [...]}``) so that what is read back is what was written. Reading
refuses anything :func:`encode` does not write — a class outside :data:`CLASSES`, a missing or extra
field, a value of another kind: :class:`ValueError`.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from ials_print.content.story import TextProvenance
from ials_print.images.placed import Conversion, PlacedImage
from ials_print.layout.geometry import Rect
from ials_print.layout.plans import PagePlan, SectionResult
from ials_print.provenance.rules import Element, PageProvenance

CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (SectionResult, PagePlan, Rect, PageProvenance, Element, TextProvenance, PlacedImage, Conversion)
}


def encode(value: Any) -> Any:
    """``value`` as JSON data (``TypeError`` for what the cache does not hold)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if CLASSES.get(name) is not type(value):
            raise TypeError(f"cannot encode {name}")
        return {"@": name, **{f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"@t": [encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"@s": sorted(encode(v) for v in value)}
    if isinstance(value, float) and not math.isfinite(value):
        raise TypeError("cannot encode a float that is not finite")
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(data: Any) -> Any:
    """What :func:`encode` wrote, rebuilt; :class:`ValueError` for anything else."""
    if data is None or isinstance(data, (str, int, float)):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        raise ValueError(f"unexpected {type(data).__name__}")
    if set(data) == {"@t"} and isinstance(data["@t"], list):
        return tuple(decode(v) for v in data["@t"])
    if set(data) == {"@s"} and isinstance(data["@s"], list):
        return {_hashable(decode(v)) for v in data["@s"]}
    cls = CLASSES.get(data.get("@")) if isinstance(data.get("@"), str) else None
    if cls is None:
        raise ValueError(f"unknown class {data.get('@')!r}")
    if set(data) - {"@"} != {f.name for f in dataclasses.fields(cls)}:
        raise ValueError(f"the fields of {cls.__name__} differ")
    try:
        return cls(**{k: decode(v) for k, v in data.items() if k != "@"})
    except TypeError as exc:
        raise ValueError(str(exc)) from None


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, dict, set)):
        raise ValueError("a set holds plain values only")
    return value
