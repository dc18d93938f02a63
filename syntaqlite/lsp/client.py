"""What the client said it can take, read from the JSON of its
``ClientCapabilities``: one reading for the server and for the front door
(:mod:`.fast`), which answers before lsprotocol is imported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MARKDOWN = "markdown"  # LSP's MarkupKind.Markdown


def get(data: object, path: str) -> object:
    """``data[a][b]...`` for the dotted ``path``; None where a step is
    missing or not an object."""
    for key in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _markdown_in(formats: object) -> bool:
    return isinstance(formats, list) and MARKDOWN in formats


@dataclass
class ClientSupport:
    """What the client said it can take (from its capabilities)."""

    related_information: bool = False
    markdown_hover: bool = False
    markdown_completion: bool = False
    hierarchical_symbols: bool = False
    watched_files_dynamic: bool = False
    configuration_pull: bool = False
    multiline_tokens: bool = False
    label_offsets: bool = False
    work_done_progress: bool = False

    @classmethod
    def from_json(cls, caps: object) -> ClientSupport:
        """From ``ClientCapabilities`` as JSON (the client's, or lsprotocol's
        object unstructured)."""
        td = get(caps, "textDocument")
        ws = get(caps, "workspace")
        return cls(
            related_information=bool(get(td, "publishDiagnostics.relatedInformation")),
            markdown_hover=_markdown_in(get(td, "hover.contentFormat")),
            markdown_completion=_markdown_in(get(td, "completion.completionItem.documentationFormat")),
            hierarchical_symbols=bool(get(td, "documentSymbol.hierarchicalDocumentSymbolSupport")),
            multiline_tokens=bool(get(td, "semanticTokens.multilineTokenSupport")),
            label_offsets=bool(
                get(td, "signatureHelp.signatureInformation.parameterInformation.labelOffsetSupport")
            ),
            watched_files_dynamic=bool(get(ws, "didChangeWatchedFiles.dynamicRegistration")),
            configuration_pull=bool(get(ws, "configuration")),
            work_done_progress=bool(get(caps, "window.workDoneProgress")),
        )
