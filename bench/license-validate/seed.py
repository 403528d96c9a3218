#!/usr/bin/env python3
"""Writes trial licenses straight into PostgreSQL's COPY format, signed with SelfHost's own signing key exactly as
LicenseIssuer signs them (EF1.<base64url(claims JSON)>.<base64url(P1363 ECDSA P-256 SHA-256)>; key id = first 8 bytes
of SHA-256 over the SubjectPublicKeyInfo, hex). Seeding 100 000 trials over HTTP took more than 15 min on the loaded
development machine; these rows are what a trial inserts (ids from the licenses sequence, reserved by the caller).
Args: base64 PKCS#8 DER private key, first id, count, machine-id prefix (16 hex), COPY output file, licenses output file."""
import base64, datetime, hashlib, json, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

key_b64, first_id, count, prefix, copy_path, licenses_path = sys.argv[1:7]
private = serialization.load_der_private_key(base64.b64decode(key_b64), password=None)
spki = private.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
kid = hashlib.sha256(spki).digest()[:8].hex()
b64url = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
expires = (now + datetime.timedelta(days=30)).replace(hour=23, minute=59, second=59)
with open(copy_path, "w") as copy, open(licenses_path, "a") as licenses:
    for n in range(int(count)):
        lid = int(first_id) + n
        machine = prefix + "%016x" % (0x8000000000000000 + n)
        claims = {"lid": lid, "mid": machine, "typ": "trial", "prd": "easyfacture",
                  "iat": int(now.timestamp()), "exp": int(expires.timestamp()), "kid": kid}
        signed = "EF1." + b64url(json.dumps(claims, separators=(",", ":")).encode())
        r, s = decode_dss_signature(private.sign(signed.encode("ascii"), ec.ECDSA(hashes.SHA256())))
        license_key = signed + "." + b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
        copy.write("\t".join([str(lid), machine, "bench-%s@exemple.fr" % machine, "easyfacture", license_key, kid, "trial",
                              now.isoformat(), now.isoformat(), expires.isoformat()]) + "\n")
        licenses.write("%s %s\n" % (machine, license_key))
