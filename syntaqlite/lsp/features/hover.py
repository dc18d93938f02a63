"""Hover: a built-in function's signature and summary (from
:mod:`syntaqlite.validator.builtins`, with the release that added it and the
build option it needs); names go to the semantic hook; keywords get
nothing."""

from __future__ import annotations

from lsprotocol import types

from ...syntax.names import unquote
from ...validator.builtins import lookup
from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..scan import is_name, significant, word_index_at
from ..semantics import Semantics
from .completion import available, function_doc


def hover_at(analysis: Analysis, offset: int, semantics: Semantics, markdown: bool) -> types.Hover | None:
    chunk = analysis.chunk_at(offset)
    if chunk is None:
        return None
    toks = significant(chunk.result.tokens)
    i = word_index_at(toks, offset - chunk.start)
    if i is None:
        return None
    tok = toks[i]
    rng = analysis.index.range(tok.start + chunk.start, tok.end + chunk.start)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
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
            return types.Hover(contents=types.MarkupContent(kind=kind, value=text), range=rng)
    if tok.kind != "ID":
        return None  # keywords, literals, punctuation
    info = semantics.hover_at(analysis, offset)
    if info is None:
        return None
    if info.start is not None and info.end is not None:
        rng = analysis.index.range(info.start, info.end)
    return types.Hover(contents=types.MarkupContent(kind=kind, value=info.markdown), range=rng)


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        def run(analysis: Analysis) -> types.Hover | None:
            offset = analysis.index.offset(params.position)
            return hover_at(analysis, offset, session.semantics, session.client.markdown_hover)

        return await session.request(params.text_document.uri, "hover", run, None)
