"""Signature help for built-in function calls: the signatures from
:mod:`syntaqlite.validator.builtins` and the argument the cursor is in (by
counting commas at the call's own parenthesis depth)."""

from __future__ import annotations

import re

from lsprotocol import types

from ...syntax.names import unquote
from ...validator.builtins import Function, accepts, lookup
from ..convert import label_offsets
from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..scan import is_name, significant
from .completion import available

_PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\.\.\.")


def parameters(signature: str) -> list[tuple[int, int]]:
    """Spans of the parameters in a signature such as ``substr(X, Y[, Z])``."""
    open_ = signature.find("(")
    close = signature.rfind(")")
    if open_ < 0 or close < open_:
        return []
    return [
        (m.start() + open_ + 1, m.end() + open_ + 1) for m in _PARAM.finditer(signature[open_ + 1 : close])
    ]


def call_at(analysis: Analysis, offset: int) -> tuple[str, int] | None:
    """The function whose argument list holds ``offset`` and the index of
    the argument there."""
    chunk = analysis.chunk_at(offset)
    if chunk is None:
        return None
    rel = offset - chunk.start
    toks = significant([t for t in chunk.result.tokens if t.end <= rel])
    depth = 0
    commas = 0
    for j in range(len(toks) - 1, -1, -1):
        kind = toks[j].kind
        if kind == "RP":
            depth += 1
        elif kind == "LP":
            if depth == 0:
                if j > 0 and is_name(toks[j - 1]):
                    return unquote(toks[j - 1].text), commas
                return None
            depth -= 1
        elif kind == "COMMA" and depth == 0:
            commas += 1
        elif kind == "SEMI" and depth == 0:
            return None
    return None


def signature_help_at(
    analysis: Analysis, offset: int, offsets: bool, encoding: str
) -> types.SignatureHelp | None:
    found = call_at(analysis, offset)
    if found is None:
        return None
    name, arg = found
    declared = analysis.config.declarations.function(name)
    entries = [*declared, *lookup(name)]
    usable = [f for f in entries if f in declared or available(f, analysis.target)] or entries
    if not usable:
        return None
    chosen: list[Function] = []
    for fn in usable:
        if all(fn.signature != c.signature for c in chosen):
            chosen.append(fn)
    signatures: list[types.SignatureInformation] = []
    active_signature = 0
    for k, fn in enumerate(chosen):
        spans = parameters(fn.signature)
        params = [
            types.ParameterInformation(
                label=label_offsets(fn.signature, a, b, encoding) if offsets else fn.signature[a:b]
            )
            for a, b in spans
        ]
        active = min(arg, len(spans) - 1) if spans else None
        signatures.append(
            types.SignatureInformation(
                label=fn.signature,
                documentation=fn.summary,
                parameters=params,
                active_parameter=active,
            )
        )
        if accepts(fn, arg + 1) and not accepts(chosen[active_signature], arg + 1):
            active_signature = k
    return types.SignatureHelp(
        signatures=signatures,
        active_signature=active_signature,
        active_parameter=signatures[active_signature].active_parameter,
    )


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(
        types.TEXT_DOCUMENT_SIGNATURE_HELP,
        types.SignatureHelpOptions(trigger_characters=["(", ","], retrigger_characters=[")"]),
    )
    async def signature_help(params: types.SignatureHelpParams) -> types.SignatureHelp | None:
        def run(analysis: Analysis) -> types.SignatureHelp | None:
            offset = analysis.index.offset(params.position)
            return signature_help_at(analysis, offset, session.client.label_offsets, session.encoding)

        return await session.request(params.text_document.uri, "signature help", run, None)
