"""``syntaqlite lsp`` with a fake semantic model, to test the hook end to end.

The fake model reports every identifier ``usr`` as an unknown table with a
did-you-mean replacement, offers one extra code action, renames and finds
references of identifiers by spelling, and fails on purpose: hover raises
when the document contains ``boom``, diagnostics when it contains
``crash-the-validator``.
"""

from __future__ import annotations

from collections.abc import Sequence

from syntaqlite.diagnostics import Diagnostic, Severity
from syntaqlite.lsp.fast import serve
from syntaqlite.lsp.semantics import DocumentSemantics, Edit, Fix, HoverInfo, Place, SqlDocument
from syntaqlite.lsp.server import create_server


class FakeSemantics(DocumentSemantics):
    def _ids(self, doc: SqlDocument, text: str) -> list[tuple[int, int]]:
        return [
            (chunk.start + tok.start, chunk.start + tok.end)
            for chunk in doc.chunks
            for tok in chunk.result.tokens
            if tok.kind == "ID" and tok.text == text
        ]

    def diagnostics(self, doc: SqlDocument) -> Sequence[Diagnostic]:
        if "crash-the-validator" in doc.text:
            raise RuntimeError("the validator crashed")
        out = []
        for start, end in self._ids(doc, "usr"):
            out.append(
                Diagnostic(
                    code="unknown-table",
                    message="no such table: usr",
                    start=start,
                    end=end,
                    severity=Severity.WARNING,
                    help="did you mean 'users'?",
                    replacement="users",
                )
            )
        return out

    def hover_at(self, doc: SqlDocument, offset: int) -> HoverInfo | None:
        if "boom" in doc.text:
            raise RuntimeError("boom in hover")
        return super().hover_at(doc, offset)

    def code_actions(self, doc: SqlDocument, start: int, end: int) -> Sequence[Fix]:
        return [Fix("Mark as checked", (Edit(0, 0, "-- checked\n"),))]

    def _word_at(self, doc: SqlDocument, offset: int) -> str | None:
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return None
        tok = chunk.token_at(offset)
        return tok.text if tok is not None and tok.kind == "ID" else None

    def references_at(self, doc: SqlDocument, offset: int, include_declaration: bool) -> Sequence[Place]:
        word = self._word_at(doc, offset)
        return [Place(s, e) for s, e in self._ids(doc, word)] if word else []

    def rename_at(self, doc: SqlDocument, offset: int, new_name: str) -> Sequence[Edit] | None:
        word = self._word_at(doc, offset)
        if word is None:
            return None
        return [Edit(s, e, new_name) for s, e in self._ids(doc, word)]


if __name__ == "__main__":
    serve(None, lambda _early: create_server(FakeSemantics()), early_answers=False)
