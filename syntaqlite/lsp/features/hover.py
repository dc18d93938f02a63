"""Hover: a built-in function's signature and summary (from
:mod:`syntaqlite.validator.builtins`, with the release that added it and the
build option it needs); names go to the semantic hook; keywords get
nothing.  The answer is LSP's ``Hover`` JSON (no lsprotocol here: the front
door, :mod:`..fast`, answers with it before the server is loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...syntax.names import unquote
from ...validator.builtins import lookup
from ..documents import Analysis
from ..scan import is_name, significant, word_index_at
from ..semantics import Semantics
from .completion import available, function_doc

if TYPE_CHECKING:
    from lsprotocol import types

    from ..protocol import SyntaqliteServer


def hover_at(analysis: Analysis, offset: int, semantics: Semantics, markdown: bool) -> dict[str, Any] | None:
    """The hover at ``offset``, as LSP's ``Hover`` JSON (None: nothing)."""
    chunk = analysis.chunk_at(offset)
    if chunk is None:
        return None
    toks = significant(chunk.result.tokens)
    i = word_index_at(toks, offset - chunk.start)
    if i is None:
        return None
    tok = toks[i]
    rng = analysis.index.range_json(tok.start + chunk.start, tok.end + chunk.start)
    kind = "markdown" if markdown else "plaintext"  # LSP's MarkupKind
    if is_name(tok) and i + 1 < len(toks) and toks[i + 1].kind == "LP":
        declared = analysis.config.declarations.function(unquote(tok.text))
        entries = [*declared, *lookup(unquote(tok.text))]
        if entries:
            target = analysis.target
            usable = [f for f in entries if f in declared or available(f, target)]
            text = function_doc(usable or entries)
            if not usable:
                text += f"\n\nNot available in SQLite {target.version_string}"
                needs = sorted({f.requires for f in entries if f.requires})
                if needs:
                    text += f" without {', '.join(needs)}"
                text += "."
            return {"contents": {"kind": kind, "value": text}, "range": rng}
    if tok.kind != "ID":
        return None  # keywords, literals, punctuation
    info = semantics.hover_at(analysis, offset)
    if info is None:
        return None
    if info.start is not None and info.end is not None:
        rng = analysis.index.range_json(info.start, info.end)
    return {"contents": {"kind": kind, "value": info.markdown}, "range": rng}


def answer(
    analysis: Analysis, line: int, character: int, semantics: Semantics, markdown: bool
) -> dict[str, Any] | None:
    """The answer to ``textDocument/hover`` at an LSP position."""
    return hover_at(analysis, analysis.index.offset_at(line, character), semantics, markdown)


def register(server: SyntaqliteServer) -> None:
    from lsprotocol import types

    session = server.session

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> dict[str, Any] | None:
        position = params.position

        def run(analysis: Analysis) -> dict[str, Any] | None:
            markdown = session.client.markdown_hover
            return answer(analysis, position.line, position.character, session.semantics, markdown)

        return await session.request(params.text_document.uri, "hover", run, None)
