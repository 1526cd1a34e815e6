"""``--shard K/N``: which files one machine of a CI matrix scans.

A file belongs to shard ``1 + hash(folder) mod N``, the hash of the path of its folder as the
scan shows it (relative to where the scan runs, with ``/``): the same on every machine and in
every run, and a module stays with its siblings, so flows through a helper of the same package
are still followed (flows across folders of different shards are not: each shard knows only its
own modules' summaries).
"""

from __future__ import annotations

import hashlib
import posixpath


def shard_of(display: str, count: int) -> int:
    """The shard (1-based) of a file, by its path as shown."""
    folder = posixpath.dirname(display)
    h = int.from_bytes(hashlib.blake2b(folder.encode("utf-8", "surrogateescape"),
                                       digest_size=8).digest(), "big")
    return 1 + h % count


def automation_id(k: int, n: int) -> str:
    """SARIF ``runAutomationDetails.id`` of one shard's run (a category per shard)."""
    return f"ztlint/shard-{k}-of-{n}/"
