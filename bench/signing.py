"""HTTP signatures as Mastodon sends them: draft-cavage-http-signatures, rsa-sha256,
covering "(request-target) host date digest", with Digest: SHA-256=base64."""
import base64
import email.utils
import hashlib

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

COVERED = "(request-target) host date digest"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def digest(body):
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def signed_headers(key, key_id, method, path, host, body, now=None):
    """Host, Date, Digest and Signature headers for a request with this body."""
    headers = {"Host": host, "Date": email.utils.formatdate(now, usegmt=True), "Digest": digest(body)}
    base = "\n".join([f"(request-target): {method.lower()} {path}", f"host: {host}", f"date: {headers['Date']}",
                      f"digest: {headers['Digest']}"])
    signature = base64.b64encode(key.sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()
    headers["Signature"] = (f'keyId="{key_id}",algorithm="rsa-sha256",headers="{COVERED}",'
                            f'signature="{signature}"')
    return headers
