"""The dev container / Codespaces example installs this extension, by the id it is published under."""

from __future__ import annotations

import json
import re

from .conftest import ROOT


def jsonc(text: str) -> dict:
    """devcontainer.json allows // comments (whole-line ones here; strings hold no //)."""
    return json.loads("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")))


def test_devcontainer_installs_the_published_extension():
    pkg = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    dc = jsonc((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    ext_id = f"{pkg['publisher']}.{pkg['name']}"
    assert dc["customizations"]["vscode"]["extensions"] == [ext_id]
    # what it runs exists, and the README shows the same id for Codespaces
    script = re.fullmatch(r"bash (\S+)", dc["postCreateCommand"]).group(1)
    assert (ROOT / script).is_file()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'"extensions": ["{ext_id}"]' in readme and f"code --install-extension {ext_id}" in readme
    # a workspace extension: it runs in the container, where the files are
    assert pkg["extensionKind"] == ["workspace"]
