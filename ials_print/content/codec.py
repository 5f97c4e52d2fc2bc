"""A parsed article (story blocks, typing fixes and notes) as JSON data and back, for the facts cache.

Every dataclass is written as a mapping tagged with its class name (``"@"``); lists read back are
tuples, as the blocks hold them. Reading refuses anything that is not what :func:`encode` writes (an
unknown class, a missing or extra field, a value of the wrong type): :class:`ValueError`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import ValidationError

from ials_print.content.notes import Fix, TypoNote
from ials_print.content.story import (
    Article,
    ArticleMeta,
    BigNumber,
    Bio,
    Box,
    Figure,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    PullQuote,
    Run,
    TextProvenance,
)

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Run,
        TextProvenance,
        Heading,
        Paragraph,
        PullQuote,
        ListBlock,
        Figure,
        Bio,
        Box,
        BigNumber,
        PageBreak,
        Fix,
        TypoNote,
    )
}
_SCALARS = (str, int, bool, type(None))


def encode(value: Any) -> Any:
    """``value`` (an article, blocks, fixes…) as plain JSON data."""
    if isinstance(value, Article):
        return {"@": "Article", "meta": value.meta.model_dump(), "blocks": [encode(b) for b in value.blocks]}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        out = {"@": type(value).__name__}
        out.update({f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return out
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, _SCALARS) and not isinstance(value, float):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(data: Any) -> Any:
    """What :func:`encode` wrote, rebuilt; :class:`ValueError` for anything else."""
    if isinstance(data, list):
        return tuple(decode(v) for v in data)
    if isinstance(data, _SCALARS):
        return data
    if not isinstance(data, dict):
        raise ValueError(f"unexpected {type(data).__name__}")
    name = data.get("@")
    if name == "Article":
        if set(data) != {"@", "meta", "blocks"} or not isinstance(data["blocks"], list):
            raise ValueError("malformed article")
        try:
            meta = ArticleMeta.model_validate(data["meta"], strict=True)
        except ValidationError as exc:
            raise ValueError("malformed front matter") from exc
        return Article(meta, decode(data["blocks"]))
    cls = _CLASSES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise ValueError(f"unknown class {name!r}")
    fields = {f.name for f in dataclasses.fields(cls)}
    if set(data) - {"@"} != fields:
        raise ValueError(f"fields of {name} differ")
    return cls(**{k: decode(v) for k, v in data.items() if k != "@"})
