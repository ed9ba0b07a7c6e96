"""Live games: one game, one clock on the server, every player on the same question.

`games` changes a game (one write transaction each), `state` reads it as one versioned
snapshot, `broker` wakes each process's event streams when the version changes, `stream`
writes those snapshots as server-sent events.
"""
