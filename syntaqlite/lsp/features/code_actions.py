"""Code actions: every diagnostic of the document (syntax or semantic) that
carries a ``replacement`` and overlaps the requested range becomes a quick
fix replacing its span; the semantic hook may add more."""

from __future__ import annotations

from lsprotocol import types

from ...diagnostics import Diagnostic
from .. import convert
from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..semantics import Semantics
from .rename import workspace_edit


def _title(analysis: Analysis, d: Diagnostic) -> str:
    old = analysis.text[d.start : d.end]
    new = d.replacement or ""
    if not new:
        return f"Remove '{old}'" if old and len(old) <= 40 and "\n" not in old else "Remove"
    if old and len(old) <= 40 and "\n" not in old:
        return f"Replace '{old}' with '{new}'"
    return f"Replace with '{new}'"


def code_actions(
    analysis: Analysis, start: int, end: int, semantics: Semantics, related_information: bool
) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    uri = analysis.uri
    for d in analysis.diagnostics:
        if d.replacement is None or d.end < start or d.start > end:
            continue
        edit = types.TextEdit(range=analysis.index.range(d.start, d.end), new_text=d.replacement)
        out.append(
            types.CodeAction(
                title=_title(analysis, d),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[
                    convert.diagnostic(d, analysis.index, uri, related_information=related_information)
                ],
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
                is_preferred=True,
            )
        )
    for fix in semantics.code_actions(analysis, start, end):
        diagnostics = (
            [convert.diagnostic(fix.diagnostic, analysis.index, uri, related_information=related_information)]
            if fix.diagnostic is not None
            else None
        )
        out.append(
            types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=diagnostics,
                edit=workspace_edit(analysis, list(fix.edits)),
                is_preferred=fix.preferred or None,
            )
        )
    return out


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        def run(analysis: Analysis) -> list[types.CodeAction]:
            session.semantic_diagnostics(analysis)
            start, end = analysis.index.span(params.range)
            return code_actions(analysis, start, end, session.semantics, session.client.related_information)

        return await session.request(params.text_document.uri, "code actions", run, None)
