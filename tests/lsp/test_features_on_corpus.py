"""Every feature answers, without raising, at every token boundary of real
and mutated statements from SQLite's test suite (the committed sample)."""

from __future__ import annotations

import random

import pytest

from syntaqlite.config import Config
from syntaqlite.lsp.documents import Analyzer
from syntaqlite.lsp.features.code_actions import code_actions
from syntaqlite.lsp.features.completion import completions
from syntaqlite.lsp.features.folding import folding_ranges
from syntaqlite.lsp.features.formatting import format_document, format_range
from syntaqlite.lsp.features.highlight import highlights
from syntaqlite.lsp.features.hover import hover_at
from syntaqlite.lsp.features.semantic_tokens import semantic_tokens
from syntaqlite.lsp.features.signature_help import signature_help_at
from syntaqlite.lsp.features.symbols import document_symbols
from syntaqlite.lsp.semantics import DocumentSemantics
from syntaqlite.lsp.session import RequestFailed
from syntaqlite.syntax.target import Target

from ..conftest import load_sample


@pytest.mark.parametrize("which", ["real", "mutants"])
def test_no_feature_raises(which: str) -> None:
    rows = load_sample(which)
    rng = random.Random(11)
    rng.shuffle(rows)
    semantics = DocumentSemantics()
    texts = [row["sql"] for row in rows[:150]]
    # statements one by one, and all of them as one document
    for version, text in enumerate([*texts, "\n".join(t.rstrip().rstrip(";") + ";" for t in texts)]):
        analysis = Analyzer("file:///c.sql").analyze(text, version, None, Config(), Target(), "utf-16")
        document_symbols(analysis, True)
        document_symbols(analysis, False)
        folding_ranges(analysis)
        semantic_tokens(analysis)
        code_actions(analysis, 0, len(text), semantics, True)
        try:
            format_document(analysis)
            format_range(analysis, 0, min(len(text), 40))
        except RequestFailed as exc:
            assert analysis.syntax_errors, exc.message  # only a text with errors is refused
        offsets = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(6))})
        for offset in offsets:
            completions(analysis, offset, semantics, True)
            hover_at(analysis, offset, semantics, True)
            signature_help_at(analysis, offset, True, "utf-16")
            highlights(analysis, offset, semantics)
            semantics.definition_at(analysis, offset)
