"""Throw-away C2PA credentials made at test time: a test CA and a signer certificate meeting the C2PA
certificate profile (v3, digitalSignature, an EKU of emailProtection, not a CA, key identifiers), and
images signed with them."""

from __future__ import annotations

import datetime as dt
import io
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import c2pa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "IALS tests"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        ]
    )


def _usage(sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not sign,
        crl_sign=not sign,
        encipher_only=False,
        decipher_only=False,
    )


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@dataclass(frozen=True)
class Credentials:
    """A test CA (the trust anchor) and a signer it certified."""

    ca_pem: bytes
    chain_pem: bytes  # the signer's certificate, then the CA's
    key_pem: bytes

    @classmethod
    def make(cls, signer: str = "IALS test signer") -> Credentials:
        now = dt.datetime.now(dt.UTC)
        valid = {"not_valid_before": now - dt.timedelta(days=1), "not_valid_after": now + dt.timedelta(days=30)}
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = (
            x509.CertificateBuilder(
                issuer_name=_name("IALS test CA"),
                subject_name=_name("IALS test CA"),
                public_key=ca_key.public_key(),
                serial_number=x509.random_serial_number(),
                **valid,
            )
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(sign=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = (
            x509.CertificateBuilder(
                issuer_name=ca.subject,
                subject_name=_name(signer),
                public_key=key.public_key(),
                serial_number=x509.random_serial_number(),
                **valid,
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(sign=True), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        pkcs8 = serialization.PrivateFormat.PKCS8
        key_pem = key.private_bytes(serialization.Encoding.PEM, pkcs8, serialization.NoEncryption())
        return cls(_pem(ca), _pem(leaf) + _pem(ca), key_pem)

    def sign(
        self,
        path: Path,
        source_type: str,
        agent: str = "Midjourney v6",
        ingredient: Path | None = None,
    ) -> None:
        """Sign ``path`` in place: a ``c2pa.created`` action declaring ``source_type``, by ``agent``."""
        mime = _mime(path)
        manifest = {
            "claim_generator_info": [{"name": "ials-print tests", "version": "1.0"}],
            "title": path.name,
            "assertions": [
                {
                    "label": "c2pa.actions",
                    "data": {
                        "actions": [
                            {
                                "action": "c2pa.created",
                                "softwareAgent": {"name": agent},
                                "digitalSourceType": IPTC + source_type,
                            }
                        ]
                    },
                }
            ],
        }
        info = c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, self.chain_pem, self.key_pem, None)
        with c2pa.Signer.from_info(info) as signer, c2pa.Builder(manifest) as builder:
            if ingredient is not None:
                with ingredient.open("rb") as f:
                    about = json.dumps({"title": ingredient.name, "relationship": "componentOf"})
                    builder.add_ingredient(about, _mime(ingredient), f)
            out = io.BytesIO()
            builder.sign(signer, mime, io.BytesIO(path.read_bytes()), out)
        path.write_bytes(out.getvalue())


def _mime(path: Path) -> str:
    return "image/png" if path.suffix == ".png" else "image/jpeg"


def tamper(path: Path) -> None:
    """Edit the file after signing, leaving it a readable image: a PNG gets a text chunk before its
    end, a JPEG one byte of its scan data changed."""
    data = bytearray(path.read_bytes())
    if path.suffix == ".png":
        body = b"tEXtComment\0retouched after signing"
        chunk = (len(body) - 4).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")
        data[-12:-12] = chunk  # before IEND
    else:
        data[-40] ^= 0xFF
    path.write_bytes(bytes(data))


def break_manifest(path: Path) -> None:
    """Scramble bytes inside the manifest's signature box, so it can no longer be decoded."""
    data = bytearray(path.read_bytes())
    at = data.find(b"c2pa.signature")
    for i in range(at + 40, at + 140):
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
