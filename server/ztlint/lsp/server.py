"""`ztlint lsp`: wires LSP features to the engine. Logic lives elsewhere: documents in document
and state, what is published in publish, conversions in convert, code actions in actions, the
workspace scan in workspace."""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import threading
import uuid
from pathlib import Path

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from . import notebook_sync
from .framing import FrameReader, ThreadReader, pipe_reader
from .protocol import ZtlintProtocol
from . import warmup
from .state import ServerState

FIX_ALL_KIND = "source.fixAll.ztlint"  # actions.FIX_ALL_KIND (not imported at start-up)

# The engine (rules, tree-sitter, the analysis) and the modules that use it are imported by the
# handlers that need them, so that `initialize` is answered in about the time pygls takes to
# import; warmup.py loads them right after.

log = logging.getLogger("ztlint.lsp")


class ZtlintServer(LanguageServer):
    def __init__(self):
        super().__init__("ztlint", __version__, protocol_cls=ZtlintProtocol,
                         notebook_document_sync=notebook_sync.SYNC)
        self.state = ServerState()

    def start_io(self, stdin=None, stdout=None) -> None:
        """pygls's stdio loop, with stdin read by the event loop and frames checked (see
        framing)."""
        stdin = stdin or sys.stdin.buffer
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))

        async def serve():
            reader = await pipe_reader(stdin) or ThreadReader(stdin, self.thread_pool)
            await FrameReader(reader.read, self.protocol.handle_value).run(self._stop_event.is_set)
        try:
            asyncio.run(serve())
        except BrokenPipeError:
            log.error("connection to the client lost; shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def log(self, message: str, level: types.MessageType = types.MessageType.Log) -> None:
        log.info(message)
        try:
            self.window_log_message(types.LogMessageParams(type=level, message=message))
        except Exception:  # noqa: BLE001 - logging must never take the server down
            pass


server = ZtlintServer()


def guarded(fn):
    """Notifications have no reply: log any failure and keep serving. The client's log gets
    the handler and the exception type only: exception text can quote the document (a
    secret); the traceback goes to stderr."""
    @functools.wraps(fn)
    def wrapper(ls: ZtlintServer, params):
        try:
            return fn(ls, params)
        except Exception as exc:  # noqa: BLE001
            log.exception("%s failed", fn.__name__)
            ls.log(f"ztlint: {fn.__name__} failed: {type(exc).__name__} (traceback in the "
                   "server's stderr)", types.MessageType.Error)
    return wrapper


notebook_sync.register(server, guarded)


def _path(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri)


# -- lifecycle ----------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: ZtlintServer, params: types.InitializeParams):
    st = ls.state
    # Positions are UTF-16 (every client supports it; engine.positions converts). Stop pygls
    # from negotiating another encoding, which it would do before advertising capabilities.
    general = ls.protocol.client_capabilities.general
    if general is not None and general.position_encodings:
        general.position_encodings = [types.PositionEncodingKind.Utf16]
    st.init_options = dict(params.initialization_options or {})
    folders = params.workspace_folders or []
    st.folders = [_path(f.uri).resolve() for f in folders]
    if not st.folders and params.root_uri:
        st.folders = [_path(params.root_uri).resolve()]
    pull = params.capabilities.text_document and params.capabilities.text_document.diagnostic
    st.pull_mode = bool(pull) and st.init_options.get("diagnosticMode") == "pull"
    if st.pull_mode:
        ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, types.DiagnosticOptions(
            identifier="ztlint", inter_file_dependencies=False, workspace_diagnostics=True))(
            document_diagnostic)
        ls.feature(types.WORKSPACE_DIAGNOSTIC)(workspace_diagnostic)


@server.feature(types.INITIALIZED)
async def initialized(ls: ZtlintServer, params: types.InitializedParams):
    from ..engine.config import CONFIG_FILES
    from .publish import publish_rule_errors, reload_all
    before = ls.state.config_settings()
    await pull_configuration(ls)
    if ls.state.config_settings() != before:
        # documents opened while the client was answering were analysed without these settings
        reload_all(ls, rules_changed=False)
    caps = ls.client_capabilities
    ws = caps.workspace
    if ws and ws.did_change_watched_files and ws.did_change_watched_files.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in
                    ("**/*.yaml", "**/*.yml", *(f"**/{name}" for name in CONFIG_FILES))]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id=str(uuid.uuid4()), method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                       watchers=watchers))]))
        except Exception as exc:  # noqa: BLE001
            ls.log(f"ztlint: could not register file watchers: {exc}")
    publish_rule_errors(ls)
    warmup.start(ls)


async def pull_configuration(ls: ZtlintServer) -> None:
    caps = ls.client_capabilities
    if not (caps.workspace and caps.workspace.configuration):
        return
    scopes = [None] + list(ls.state.folders)
    items = [types.ConfigurationItem(scope_uri=f.as_uri() if f else None, section="ztlint")
             for f in scopes]
    try:
        results = await ls.workspace_configuration_async(types.ConfigurationParams(items=items))
    except Exception as exc:  # noqa: BLE001
        ls.log(f"ztlint: workspace/configuration failed: {exc}")
        return
    for scope, value in zip(scopes, results or []):
        ls.state.settings[str(scope) if scope else ""] = dict(value or {})


@server.feature(types.SHUTDOWN)
def shutdown(ls: ZtlintServer, params):
    for doc in ls.state.documents.values():
        doc.cancel_pending()


# -- documents ----------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guarded
def did_open(ls: ZtlintServer, params: types.DidOpenTextDocumentParams):
    from .publish import announce_skip, publish, publish_rule_errors
    td = params.text_document
    ls.state.last_activity = asyncio.get_running_loop().time()
    source = td.text.encode("utf-8", "surrogatepass")
    doc = ls.state.open_document(td.uri, _path(td.uri), td.language_id, td.version, source)
    if doc.skipped:
        announce_skip(ls, doc)
        return
    ls.state.scanned_uris.discard(td.uri)
    publish(ls, doc)
    if ls.state.error_count() != ls.state.errors_published:
        publish_rule_errors(ls)  # a language's queries compile on first use: errors show up now


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guarded
def did_change(ls: ZtlintServer, params: types.DidChangeTextDocumentParams):
    from .publish import analyze_and_publish, announce_skip, clear
    doc = ls.state.documents.get(params.text_document.uri)
    if doc is None:
        return
    ls.state.last_activity = asyncio.get_running_loop().time()
    doc.apply_changes(params.content_changes)
    doc.version = params.text_document.version
    if ls.state.recheck(doc) and doc.skipped:
        announce_skip(ls, doc)
        clear(ls, doc.uri, doc.version)  # its findings are out of date
    if ls.state.pull_mode or not doc.analysed:
        doc.cancel_pending()
        return
    # the pending analysis (if any) is replaced: it would analyse an older version
    uri, version = doc.uri, doc.version
    doc.debounce.edited(asyncio.get_running_loop(), ls.state.debounce_ms / 1000,
                        lambda: analyze_and_publish(ls, uri, version))


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guarded
def did_close(ls: ZtlintServer, params: types.DidCloseTextDocumentParams):
    from .publish import clear
    doc = ls.state.documents.pop(params.text_document.uri, None)
    if doc is not None:
        doc.cancel_pending()
    clear(ls, params.text_document.uri)


# -- pull diagnostics (when the client offers them and asks for pull mode) ------------------
def document_diagnostic(ls: ZtlintServer, params: types.DocumentDiagnosticParams):
    from .publish import current_diagnostics
    doc = ls.state.documents.get(params.text_document.uri)
    items = current_diagnostics(ls, doc) if doc else []
    return types.RelatedFullDocumentDiagnosticReport(items=items)


def workspace_diagnostic(ls: ZtlintServer, params: types.WorkspaceDiagnosticParams):
    from .publish import current_diagnostics
    reports = [types.WorkspaceFullDocumentDiagnosticReport(
        uri=doc.uri, version=doc.version, items=current_diagnostics(ls, doc))
        for doc in ls.state.documents.values()]
    return types.WorkspaceDiagnosticReport(items=reports)


# -- code actions and hover ---------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False))
def code_action(ls: ZtlintServer, params: types.CodeActionParams):
    from . import actions
    doc = ls.state.documents.get(params.text_document.uri)
    if doc is None or not doc.analysed:
        return []
    cfg = ls.state.config_for(doc.folder, Path(doc.path))
    return actions.for_diagnostics(doc, list(params.context.diagnostics), cfg, params.context.only)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ZtlintServer, params: types.HoverParams):
    from . import convert
    doc = ls.state.documents.get(params.text_document.uri)
    f = doc.finding_at(params.position.line, params.position.character) if doc else None
    if f is None:
        return None
    return types.Hover(contents=types.MarkupContent(
        kind=types.MarkupKind.Markdown,
        value=convert.flow_markdown(f) + convert.hover_markdown(doc.rule(f.rule_id))),
        range=convert.finding_range(f))


# -- configuration and hot reload ---------------------------------------------------------
@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ZtlintServer, params: types.DidChangeConfigurationParams):
    from .publish import reload_all
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("ztlint"), dict):
        ls.state.settings[""] = dict(settings["ztlint"])  # clients that push settings
    await pull_configuration(ls)
    reload_all(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guarded
def did_change_watched_files(ls: ZtlintServer, params: types.DidChangeWatchedFilesParams):
    from ..engine import rules
    from ..engine.config import CONFIG_FILES
    from .publish import reload_all
    relevant = False
    for change in params.changes:
        p = _path(change.uri)
        if p.name in CONFIG_FILES or (rules.is_rule_file(p) and _in_rule_dirs(ls, p)):
            relevant = True
    if relevant:
        reload_all(ls)


def _in_rule_dirs(ls: ZtlintServer, path: Path) -> bool:
    dirs = {d for cfg in ls.state.configs.values() for d in cfg.rule_dirs}
    return any(d == path.parent or d in path.parents for d in dirs)


# -- commands -----------------------------------------------------------------------------
@server.command("ztlint.showRuleDocs")
def show_rule_docs(ls: ZtlintServer, rule_id: str):
    from . import convert
    for rs in list(ls.state.rulesets.values()) or [ls.state.ruleset_for(ls.state.config_for(None))]:
        if rule_id in rs.rules:
            return convert.hover_markdown(rs.rules[rule_id])
    raise ValueError(f"no rule {rule_id!r}")


@server.command("ztlint.fixAll")
async def fix_all_command(ls: ZtlintServer, uri: str):
    from . import actions
    doc = ls.state.documents.get(uri)
    if doc is None or not doc.analysed:
        return {"applied": False, "reason": "document is not open"}
    action = actions.fix_all(doc)
    if action is None:
        return {"applied": False, "reason": "no safe fixes"}
    result = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(
        edit=action.edit, label="ztlint: apply all safe fixes"))
    return {"applied": bool(result and result.applied)}


@server.command("ztlint.scanWorkspace")
async def scan_workspace(ls: ZtlintServer, *args):
    """Scan every workspace folder like `ztlint scan`; stream diagnostics of closed files."""
    from . import workspace
    return await workspace.scan_workspace(ls)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="ztlint-lsp %(levelname)s %(message)s")
    server.start_io()
