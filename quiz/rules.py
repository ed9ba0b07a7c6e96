"""Rules about names and sizes, written once for forms, services, files and the API."""

import re

# An article's address: lowercase words joined by single hyphens, like "space-race".
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 64
MAX_TITLE = 200
# Ids are 32-bit columns on PostgreSQL: a larger id in a URL or a body is simply not found.
MAX_ID = 2**31 - 1
# The signed-cookie key that holds the id of the browser's player.
PLAYER_KEY = "player_id"
