"""``printable`` and ``visible``: what they escape and replace, for every
character (ASCII text takes a path without the regular expression)."""

from __future__ import annotations

from syntaqlite.text import printable, visible

CONTROLS = {
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
}


def test_every_character_is_escaped_or_kept() -> None:
    for code in range(0x3000):
        ch = chr(code)
        quoted, shown = printable(f"a{ch}b"), visible(f"a{ch}b")
        if code in CONTROLS:
            assert quoted != f"a{ch}b" and quoted.isprintable(), hex(code)
            assert len(shown) == 3 and shown[1] != ch, hex(code)
        else:
            assert quoted == shown == f"a{ch}b", hex(code)


def test_escapes() -> None:
    assert printable("a\tb\nc\rd\x00e\x7f\u202e") == "a\\tb\\nc\\rd\\x00e\\x7f\\u202e"
    assert visible("a\tb\x00\x7f\u2028") == "a b\u2400\u2421\ufffd"
    assert printable("SELECT 'é' FROM t") == "SELECT 'é' FROM t"
