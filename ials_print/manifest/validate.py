"""Turn pydantic's validation errors into ``file:line:col: message`` problems."""

from __future__ import annotations

import copy
import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ials_print.errors import InputError, Problem
from ials_print.manifest.yamlfile import Located

M = TypeVar("M", bound=BaseModel)


def _found(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the sub-model that ``loc`` (minus its last key) points into."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        annotation = fields[part].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(model: type[BaseModel], err: dict[str, Any]) -> str:
    loc = err["loc"]
    kind = err["type"]
    name = ".".join(str(p) for p in loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown key '{key}' (expected one of: {', '.join(allowed)}){hint}"
    if kind == "missing":
        return f"missing required key '{loc[-1]}'" + (f" in {'.'.join(map(str, loc[:-1]))}" if len(loc) > 1 else "")
    msg = err["msg"].replace("Input should be", "expected").replace("String should", "expected text to")
    msg = msg.replace("Value error, ", "")
    return f"{name}: {msg[0].lower() + msg[1:]}, found {_found(err.get('input'))}"


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic adds union branch names ("literal['flow']", "AreaPlacement") to locations.
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in str(p) and not str(p)[:1].isupper()))


def validate_model(model: type[M], located: Located) -> M:
    """Validate ``located.data`` against ``model``; all problems at once as :class:`InputError`."""
    if located.data is None:
        raise InputError([Problem(located.path, "expected a mapping of keys, found an empty document", 1, 1)])
    if not isinstance(located.data, dict):
        raise InputError(
            [Problem(located.path, f"expected a mapping of keys at the top, found {type(located.data).__name__}", 1, 1)]
        )
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[Any, ...]] = set()
        errors = [{**e, "loc": _clean_loc(e["loc"])} for e in exc.errors()]
        # A misspelt key is one mistake, not two: drop "missing X" when "unknown key ~X" is beside it.
        typos = {
            (e["loc"][:-1], m)
            for e in errors
            if e["type"] == "extra_forbidden"
            for m in difflib.get_close_matches(str(e["loc"][-1]), _allowed_keys(model, e["loc"]), n=1)
        }
        errors = [e for e in errors if not (e["type"] == "missing" and (e["loc"][:-1], e["loc"][-1]) in typos)]
        # A union such as place: 'flow' | {area, page}: when a mapping was given, the 'flow' branch is noise.
        errors = [
            e
            for e in errors
            if not (
                e["type"] == "literal_error"
                and isinstance(e.get("input"), dict)
                and any(o is not e and o["loc"][: len(e["loc"])] == e["loc"] for o in errors)
            )
        ]
        for err in errors:
            loc = err["loc"]
            if loc in seen:  # one line per place, not one per union branch
                continue
            seen.add(loc)
            problems.append(located.problem(loc, _message(model, err), key=err["type"] == "extra_forbidden"))
        raise InputError(problems) from None


def salvage(model: type[M], located: Located) -> M | None:
    """What ``located`` would validate to with its unknown keys left out (and a misspelt key read
    as the one it is close to), so that the cross-checks can still run after a schema problem;
    None when more than that is wrong. The problems themselves are :func:`validate_model`'s."""
    data = copy.deepcopy(located.data)
    if not isinstance(data, dict):
        return None
    try:
        model.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": _clean_loc(e["loc"])} for e in exc.errors()]
        for err in sorted((e for e in errors if e["type"] == "extra_forbidden"), key=lambda e: -len(e["loc"])):
            parent = _at(data, err["loc"][:-1])
            key = err["loc"][-1]
            if not isinstance(parent, dict) or key not in parent:
                continue
            value = parent.pop(key)
            close = difflib.get_close_matches(str(key), _allowed_keys(model, err["loc"]), n=1)
            if close and close[0] not in parent:
                parent[close[0]] = value
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
