"""What every language adapter shares: a depth limit, and entry points that turn a recursion
too deep for the model into one ``TooDeep`` (the function gets a note, not a crash)."""

from __future__ import annotations

from . import ir

# Deeper expressions or blocks than this are not lowered (the function gets a note): the
# engine recurses over the model, and hostile files nest thousands deep.
MAX_DEPTH = 120


class TooDeep(Exception):
    pass


class SafeLowering:
    """Mixed into an adapter's lowering, which provides ``_block``, ``_stmt`` and ``expr``."""

    def _block_safe(self, node) -> list[ir.Stmt]:
        try:
            return self._block(node, 0)
        except (TooDeep, RecursionError):
            raise TooDeep(node.start_byte) from None

    def _stmt_safe(self, node) -> list[ir.Stmt]:
        try:
            return self._stmt(node, 0)
        except (TooDeep, RecursionError):
            raise TooDeep(node.start_byte) from None

    def _expr_safe(self, node) -> ir.Expr:
        try:
            return self.expr(node, 0)
        except (TooDeep, RecursionError):
            raise TooDeep(node.start_byte) from None
