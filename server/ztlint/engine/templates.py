"""`{capture}` and `{capture|filter}` templates in rule messages, fix titles and fix texts."""

from __future__ import annotations

import re
from typing import Callable

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w-]*)(?:\|([a-z_]+))?\}")


def env_name(text: str) -> str:
    """An environment variable name from a variable, attribute, key or argument name:
    ``self.apiKey`` -> ``API_KEY``, ``config["db-password"]`` -> ``DB_PASSWORD``."""
    words = re.findall(r"[A-Za-z0-9]+", text)
    last = words[-1] if words else "SECRET"
    # keep the meaningful tail: `self.api_key` -> api_key; `settings["x"]` -> x
    tail = re.split(r"[.\[\]\"'`]+", text.strip().strip("\"'`"))
    tail = [t for t in tail if t]
    name = tail[-1] if tail else last
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper()
    if not name or name[0].isdigit():
        name = "SECRET_" + name
    return name


FILTERS: dict[str, Callable[[str], str]] = {
    "env": env_name,
    "upper": str.upper,
    "lower": str.lower,
    "strip_quotes": lambda s: s.strip().strip("\"'`"),
    "re": re.escape,  # a value put into a look-up's regex (see lookup.py)
}


def names(template: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), m.group(2)) for m in PLACEHOLDER.finditer(template)]


def render(template: str, values: dict[str, str], shorten: int | None = None) -> str:
    """Fill placeholders; unknown names stay as written. ``shorten`` caps each value's length."""
    def sub(m: re.Match) -> str:
        value = values.get(m.group(1))
        if value is None:
            return m.group(0)
        if m.group(2):
            value = FILTERS[m.group(2)](value)
        if shorten is not None:
            value = " ".join(value.split())
            if len(value) > shorten:
                value = value[:shorten - 1] + "…"
        return value
    return PLACEHOLDER.sub(sub, template)


NEUTRAL = "…"


def neutral(template: str) -> str:
    """A template as docs show it, where no finding fills it: ``Use yaml.safe_{fn}()`` ->
    ``Use yaml.safe_…()`` (never a raw ``{placeholder}`` in front of a reader)."""
    return PLACEHOLDER.sub(NEUTRAL, template)
