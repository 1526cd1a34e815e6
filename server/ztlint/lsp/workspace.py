"""The `ztlint.scanWorkspace` command: every workspace folder scanned like `ztlint scan` (worker
processes, off the event loop), with progress and cancellation; diagnostics of closed files are
streamed as files finish. Findings arrive finished (columns, baseline state): nothing is read
again here."""

from __future__ import annotations

import asyncio
import functools
import uuid
from pathlib import Path

from lsprotocol import types

from ..scan import runner
from . import convert


class WorkspaceScan:
    def __init__(self, ls, loop: asyncio.AbstractEventLoop):
        self.ls, self.loop, self.st = ls, loop, ls.state
        self.token = f"ztlint-scan-{uuid.uuid4()}"
        caps = ls.client_capabilities
        self.use_progress = bool(caps.window and caps.window.work_done_progress)
        self.cancel_future = None
        self.open_uris = set(self.st.documents)  # open documents have live diagnostics
        self.seen: set[str] = set()
        self.last_pct = -1

    def cancelled(self) -> bool:
        return bool(self.cancel_future is not None and self.cancel_future.cancelled())

    def on_progress(self, done: int, total: int) -> None:  # (a worker thread)
        pct = int(done * 100 / total) if total else 100
        if self.use_progress and pct != self.last_pct:
            self.last_pct = pct
            self.loop.call_soon_threadsafe(
                self.ls.work_done_progress.report, self.token,
                types.WorkDoneProgressReport(message=f"{done}/{total} files", percentage=pct))

    def on_file(self, fr: runner.FileResult, folder: Path) -> None:  # (a worker thread)
        path = (folder / fr.path) if not Path(fr.path).is_absolute() else Path(fr.path)
        uri = path.resolve().as_uri()
        self.seen.add(uri)
        if uri in self.open_uris:
            return
        partial = [n.note for n in fr.notes if n.kind != "info"]
        if not fr.findings and not partial and uri not in self.st.scanned_uris:
            return
        rules = self.st.ruleset_for(self.st.config_for(folder)).rules
        diags = [convert.diagnostic(f, rules[f.rule_id], None, uri) for f in fr.findings]
        if partial:
            diags.append(convert.notes_diagnostic(partial, None))
        (self.st.scanned_uris.add if diags else self.st.scanned_uris.discard)(uri)
        self.loop.call_soon_threadsafe(self.ls.text_document_publish_diagnostics,
                                       types.PublishDiagnosticsParams(uri=uri, diagnostics=diags))

    def clear_unseen(self, folder: Path) -> None:
        """Files shown before and not analysed now (deleted, now a pipe ...): clear them."""
        prefix = folder.resolve().as_uri() + "/"
        for uri in sorted(u for u in self.st.scanned_uris - self.seen if u.startswith(prefix)):
            self.st.scanned_uris.discard(uri)
            self.ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def run(self) -> dict:
        progress = self.ls.work_done_progress
        if self.use_progress:
            await progress.create_async(self.token)
            progress.begin(self.token, types.WorkDoneProgressBegin(
                title="ztlint: scanning workspace", cancellable=True, percentage=0))
            self.cancel_future = progress.tokens.get(self.token)
        from ..scan.cache import ResultCache  # (the same result cache as `ztlint scan`)
        totals = {"files": 0, "findings": 0, "cancelled": False}
        for folder in self.st.folders:
            if self.cancelled():
                break
            cfg = self.st.config_for(folder)
            ruleset = self.st.ruleset_for(cfg)
            scan = functools.partial(
                runner.scan, [folder], cfg, ruleset=ruleset,
                progress=self.on_progress, cancelled=self.cancelled,
                on_file=functools.partial(self.on_file, folder=folder), base=folder,
                baseline=self.st.baseline_for(cfg), cache=ResultCache.for_config(cfg, ruleset))
            result = await self.loop.run_in_executor(None, scan)
            totals["files"] += result.files
            totals["findings"] += len(result.findings)
            if not self.cancelled():
                self.clear_unseen(folder)
        totals["cancelled"] = self.cancelled()
        if self.use_progress:
            progress.end(self.token, types.WorkDoneProgressEnd(
                message=f"{totals['findings']} finding(s) in {totals['files']} file(s)"
                + (" (cancelled)" if totals["cancelled"] else "")))
            progress.tokens.pop(self.token, None)
        return totals


async def scan_workspace(ls) -> dict:
    return await WorkspaceScan(ls, asyncio.get_running_loop()).run()
