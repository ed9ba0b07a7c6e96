"""Bearer tokens: read from the request once, stored only as a hash."""

import hashlib

from flask import request


def hash_token(token: str) -> str:
    """Return the stored form of a bearer token (rounds', players' and teachers' alike)."""
    # Tokens are long and random, so a fast hash is enough; no salt is needed to look one up.
    return hashlib.sha256(token.encode()).hexdigest()


def bearer_token() -> str | None:
    """Return the token of the request's 'Authorization: Bearer <token>' header, if any."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token
