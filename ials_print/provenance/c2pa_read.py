"""A visual's C2PA manifest, read and validated with the C2PA SDK (``c2pa-python``).

The active manifest gives the claim generator, the actions with their IPTC ``digitalSourceType``, the
ingredients and who signed it; the SDK checks the signature, the hashes binding the manifest to the
pixels and, when the issue names trust anchors, the signer's certificate chain. Its verdict becomes one
of five states:

- ``valid``: intact and signed by a certificate chaining to a trust anchor;
- ``untrusted``: intact (signature and hashes check) but the signer is not among the trust anchors;
- ``tampered``: the file changed after signing (a hash no longer matches);
- ``invalid``: the manifest is whole but fails validation otherwise (signature, certificate…);
- ``malformed``: the manifest cannot be read at all;
- ``unverified``: the C2PA SDK could not be loaded on this machine, so nothing was checked.

Only ``valid`` and ``untrusted`` manifests are evidence of how a file was made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

State = Literal["valid", "untrusted", "tampered", "invalid", "malformed", "unverified"]
IPTC_NS = "http://cv.iptc.org/newscodes/digitalsourcetype/"
READABLE: dict[str, str] = {
    "valid": "valid",
    "untrusted": "valid, untrusted signer",
    "tampered": "tampered",
    "invalid": "invalid",
    "malformed": "malformed",
    "unverified": "not verified",
}


@dataclass(frozen=True)
class C2paAction:
    """One action of the manifest: ``c2pa.created``, ``c2pa.edited``…"""

    action: str
    source_type: str | None  # the IPTC term, without its namespace
    agent: str | None  # the software agent that did it


@dataclass(frozen=True)
class C2paManifest:
    """What the file's active C2PA manifest says, and whether it holds."""

    state: State
    claim_generator: str | None = None
    title: str | None = None
    actions: tuple[C2paAction, ...] = ()
    ingredients: tuple[str, ...] = ()  # titles of the ingredients (the files it was made from)
    signer: str | None = None  # the signing certificate's common name and organisation
    alg: str | None = None
    failures: tuple[str, ...] = ()  # the SDK's failure codes, e.g. assertion.dataHash.mismatch
    error: str | None = None  # why a malformed manifest could not be read

    @property
    def is_evidence(self) -> bool:
        """Intact manifests tell how the file was made; broken ones prove nothing."""
        return self.state in ("valid", "untrusted")

    @property
    def source_type(self) -> str | None:
        """The digital source type it declares: the creating action's first, else any action's."""
        created = [a for a in self.actions if a.action == "c2pa.created" and a.source_type]
        others = [a for a in self.actions if a.source_type]
        for group in (created, others):
            if group:
                return group[0].source_type
        return None

    @property
    def tool(self) -> str | None:
        """The software agent of the action that declares the source type, else the claim generator."""
        for a in self.actions:
            if a.source_type == self.source_type and a.agent:
                return a.agent
        return None

    def describe(self) -> str:
        """One readable line: 'C2PA manifest (valid, untrusted signer; signed by …) declares …'."""
        failures = [f for f in self.failures if f != "signingCredential.untrusted"] or self.failures
        why = f": {', '.join(failures) or self.error}" if not self.is_evidence else ""
        signer = f"; signed by {self.signer}" if self.signer else ""
        said = f" declares {self.source_type}" if self.source_type and self.is_evidence else ""
        return f"C2PA manifest ({READABLE[self.state]}{signer}{why}){said}"

    def as_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "claim_generator": self.claim_generator,
            "title": self.title,
            "signer": self.signer,
            "alg": self.alg,
            "actions": [
                {"action": a.action, "digital_source_type": a.source_type, "software_agent": a.agent}
                for a in self.actions
            ],
            "ingredients": list(self.ingredients),
            "failures": list(self.failures),
            "error": self.error,
        }


def _agent(value: Any) -> str | None:
    if isinstance(value, dict):
        name, version = value.get("name"), value.get("version")
        return f"{name} {version}" if name and version else name
    return str(value) if value else None


def _generator(manifest: dict[str, Any]) -> str | None:
    info = manifest.get("claim_generator_info") or []
    names = [_agent(i) for i in info if isinstance(i, dict)]
    return ", ".join(n for n in names if n) or manifest.get("claim_generator")


def _actions(manifest: dict[str, Any]) -> tuple[C2paAction, ...]:
    out = []
    for assertion in manifest.get("assertions") or []:
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for a in (assertion.get("data") or {}).get("actions") or []:
            term = a.get("digitalSourceType")
            term = term.rsplit("/", 1)[-1] if isinstance(term, str) and term else None
            out.append(C2paAction(str(a.get("action", "")), term, _agent(a.get("softwareAgent"))))
    return tuple(out)


def _state(validation_state: str | None, failures: tuple[str, ...]) -> State:
    if validation_state == "Trusted":
        return "valid"
    if validation_state == "Valid":
        return "untrusted"
    if any(code.endswith(".mismatch") for code in failures):
        return "tampered"
    return "invalid"


def read_c2pa(path: Path, trust_anchors: str | None = None) -> C2paManifest | None:
    """The active manifest of ``path`` validated, or None when the file has no C2PA manifest.

    ``trust_anchors``: PEM certificates whose signers are trusted; without them an intact manifest is
    ``untrusted``.
    """
    try:
        import c2pa
    except (ImportError, OSError) as exc:  # the wheel carries a native library
        return C2paManifest("unverified", error=f"the C2PA SDK (c2pa-python) cannot be loaded: {exc}")
    settings: dict[str, Any] = {"verify": {"verify_trust": True}}
    if trust_anchors:
        settings["trust"] = {"trust_anchors": trust_anchors}
    try:
        context = c2pa.Context.from_dict(settings)
        with path.open("rb") as stream:
            reader = c2pa.Reader.try_create(_mime(path), stream, context=context)
            if reader is None:
                return None
            with reader:
                store = json.loads(reader.json())
    except c2pa.C2paError as exc:
        return C2paManifest("malformed", error=str(exc).strip() or type(exc).__name__)
    manifests = store.get("manifests") or {}
    active = manifests.get(store.get("active_manifest") or "", {})
    results = (store.get("validation_results") or {}).get("activeManifest") or {}
    failures = tuple(str(f.get("code")) for f in results.get("failure") or [])
    if not failures:
        failures = tuple(str(f.get("code")) for f in store.get("validation_status") or [] if f.get("code"))
    sig = active.get("signature_info") or {}
    signer = ", ".join(x for x in (sig.get("common_name"), sig.get("issuer")) if x) or None
    return C2paManifest(
        _state(store.get("validation_state"), failures),
        claim_generator=_generator(active),
        title=active.get("title"),
        actions=_actions(active),
        ingredients=tuple(str(i.get("title", "?")) for i in active.get("ingredients") or []),
        signer=signer,
        alg=sig.get("alg"),
        failures=failures,
    )


def _mime(path: Path) -> str:
    ext = path.suffix.lower().lstrip(".")
    return {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "tif": "image/tiff"}.get(ext, f"image/{ext}")
