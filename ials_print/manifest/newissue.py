"""``new-issue``: the next issue's manifest from the previous one — the same flatplan (sections,
pages, rubrics, running heads), each section a placeholder named after the previous one, ready to
receive its new text, visuals and layout."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from ials_print.errors import InputError, Problem
from ials_print.manifest.model import Manifest
from ials_print.output.atomic import write_atomic

# What a section keeps for the next issue: its place in the flatplan and its names.
KEPT = ("id", "title", "running_head", "rubric", "in_contents", "first_page", "pages")


def next_path(previous: Path, number: int) -> Path:
    """``zine-07.yaml`` → ``zine-08.yaml`` (the trailing number, same width); else ``<stem>-n4.yaml``."""
    match = re.search(r"(\d+)$", previous.stem)
    if match:
        digits = str(number).zfill(len(match.group(1)))
        return previous.with_name(previous.stem[: match.start()] + digits + previous.suffix)
    return previous.with_name(f"{previous.stem}-n{number}{previous.suffix}")


def _rebased(value: str, old_folder: Path, new_folder: Path) -> str:
    """A path relative to the old manifest, made relative to the new one."""
    target = (old_folder / value).resolve()
    return Path(os.path.relpath(target, new_folder.resolve())).as_posix()


def _block(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def next_issue_text(manifest: Manifest, source: Path, target: Path, number: int, date: dt.date) -> str:
    """The new manifest's text: identity and resources as before (paths rebased), the flatplan of
    placeholders, each with a comment naming what the previous issue had there."""
    old, new = source.parent, target.parent
    data = manifest.model_dump(mode="json", exclude_defaults=True)
    publication = data.pop("publication", None)
    if isinstance(publication, str):
        publication = _rebased(publication, old, new)
    resources = manifest.resources.model_dump(exclude_none=True)
    for key in ("layouts", "fonts"):
        if key in resources:  # else the kit's, wherever the manifest is
            resources[key] = _rebased(resources[key], old, new)
    output = manifest.output.model_dump(exclude_none=True)
    if "profile" in output:
        output["profile"] = _rebased(output["profile"], old, new)
    issue = manifest.issue.model_dump(mode="json", exclude_none=True) | {"number": number, "date": date}
    head = {"publication": publication} if publication is not None else {}
    head |= {"issue": issue}
    parts = [
        f"# n°{number}: started from {source.name} (n°{manifest.issue.number}) by `ials-print new-issue`.\n"
        "# Same flatplan; each section a placeholder until its text, visuals and layout arrive.\n",
        _block(head),
        _block(
            {
                "format": manifest.format.model_dump(),
                "resources": resources,
                "output": output,
                "fonts": data["fonts"],
            }
        ),
    ]
    if "hyphenation" in data:
        parts.append(_block({"hyphenation": data["hyphenation"]}))
    parts.append(_block({"page_count": manifest.page_count}))
    parts.append("sections:\n")
    for s in manifest.sections:
        was = [f"layout {s.layout}"]
        if s.text:
            was.append(f"text {s.text}")
        if s.images:
            was.append(f"{len(s.images)} visual{'s' * (len(s.images) > 1)}")
        entry = {k: getattr(s, k) for k in KEPT if getattr(s, k) is not None}
        entry |= {"layout": "placeholder", "provenance": s.provenance}
        lines = _block([entry]).rstrip("\n").split("\n")
        parts.append(f"  # n°{manifest.issue.number}: {', '.join(was)}\n")
        parts.append("".join(f"  {line}\n" for line in lines))
    return "".join(parts)


def write_next_issue(manifest: Manifest, source: Path, number: int, date: dt.date, target: Path | None = None) -> Path:
    """Write the next issue's manifest beside the previous one (never over an existing file)."""
    if number <= manifest.issue.number:
        raise InputError(
            [Problem(source, f"the next issue's number must follow n°{manifest.issue.number}, found {number}")]
        )
    target = target or next_path(source, number)
    if target.exists():
        raise InputError([Problem(target, "already exists; name another file with --out, or remove it")])
    write_atomic(target, next_issue_text(manifest, source, target, number, date).encode("utf-8"))
    return target
