"""SQLite's release history, as data: every release syntaqlite can target and
the words that became keywords in each.

Sources
-------
* Releases 3.12.0 to 3.41.2: the chronology of SQLite's documentation
  sources (``chronology.json`` / ``pages/changes.in`` of the docsrc
  repository).
* Releases 3.42.0 to 3.54.1: the release notes on sqlite.org
  (``releaselog/3_X_Y.html``, ``changes.html``) and the announcements that
  quote them, cross-checked against the apsw releases on PyPI, which follow
  SQLite's.  3.52.0 was published on 2026-03 and withdrawn a week later (its
  changes shipped again in 3.53.0); it is a real release, so it is listed
  and marked in ``WITHDRAWN``.  3.51.3 is a patch release made after 3.52.0
  was withdrawn; ordered by number it precedes 3.52.0.
* Branch-only builds that never appeared on the release history (the
  3.44.3 to 3.44.5 builds made for Android, for example) are not releases.

``KEYWORD_SINCE`` records when each word that is a keyword today became one
(SQLite's ``tool/mkkeywordhash.c`` over the releases): before that release
the word is an ordinary identifier.  No keyword has been removed since 3.12.0.
"""

from __future__ import annotations

Version = tuple[int, int, int]

_RELEASE_TEXT = """
3.12.0 3.12.1 3.12.2 3.13.0 3.14.0 3.14.1 3.14.2 3.15.0 3.15.1 3.15.2
3.16.0 3.16.1 3.16.2 3.17.0 3.18.0 3.18.1 3.18.2 3.19.0 3.19.1 3.19.2 3.19.3
3.20.0 3.20.1 3.21.0 3.22.0 3.23.0 3.23.1 3.24.0 3.25.0 3.25.1 3.25.2 3.25.3
3.26.0 3.27.0 3.27.1 3.27.2 3.28.0 3.29.0 3.30.0 3.30.1 3.31.0 3.31.1
3.32.0 3.32.1 3.32.2 3.32.3 3.33.0 3.34.0 3.34.1
3.35.0 3.35.1 3.35.2 3.35.3 3.35.4 3.35.5 3.36.0 3.37.0 3.37.1 3.37.2
3.38.0 3.38.1 3.38.2 3.38.3 3.38.4 3.38.5 3.39.0 3.39.1 3.39.2 3.39.3 3.39.4
3.40.0 3.40.1 3.41.0 3.41.1 3.41.2 3.42.0 3.43.0 3.43.1 3.43.2
3.44.0 3.44.1 3.44.2 3.45.0 3.45.1 3.45.2 3.45.3 3.46.0 3.46.1
3.47.0 3.47.1 3.47.2 3.48.0 3.49.0 3.49.1 3.49.2
3.50.0 3.50.1 3.50.2 3.50.3 3.50.4 3.51.0 3.51.1 3.51.2 3.51.3 3.52.0
3.53.0 3.53.1 3.53.2 3.53.3 3.53.4 3.54.0 3.54.1
"""


def _parse(text: str) -> Version:
    a, b, c = (int(p) for p in text.split("."))
    return (a, b, c)


RELEASES: tuple[Version, ...] = tuple(sorted(_parse(v) for v in _RELEASE_TEXT.split()))
"""Every SQLite release from 3.12.0 to the newest, in version order."""

RELEASE_SET: frozenset[Version] = frozenset(RELEASES)
LATEST: Version = RELEASES[-1]
OLDEST: Version = RELEASES[0]
WITHDRAWN: frozenset[Version] = frozenset({(3, 52, 0)})


def format_version(version: Version) -> str:
    return ".".join(map(str, version))


def parse_version(text: str) -> Version:
    """``"3.45.1"`` (or ``"3.45"`` for ``3.45.0``) as a tuple; ValueError if
    the text is not a version number.  Whether it is a release is not
    checked here (see ``RELEASE_SET``)."""
    parts = text.strip().split(".")
    if len(parts) == 2:
        parts.append("0")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a version number: {text!r}")
    return (int(parts[0]), int(parts[1]), int(parts[2]))


def previous_release(version: Version) -> Version | None:
    """The release just before ``version`` in ``RELEASES`` (None for the
    oldest)."""
    i = RELEASES.index(version)
    return RELEASES[i - 1] if i else None


def describe_releases() -> str:
    """The releases, compactly: one group per minor version, e.g.
    ``3.12.0-3.12.2, 3.13.0, ...``."""
    groups: dict[tuple[int, int], list[Version]] = {}
    for v in RELEASES:
        groups.setdefault(v[:2], []).append(v)
    parts = []
    for versions in groups.values():
        first, last = versions[0], versions[-1]
        parts.append(
            format_version(first) if first == last else f"{format_version(first)}-{format_version(last)}"
        )
    return ", ".join(parts)


KEYWORD_SINCE: dict[str, Version] = {
    # UPSERT
    "DO": (3, 24, 0),
    "NOTHING": (3, 24, 0),
    # window functions
    "CURRENT": (3, 25, 0),
    "FILTER": (3, 25, 0),
    "FOLLOWING": (3, 25, 0),
    "OVER": (3, 25, 0),
    "PARTITION": (3, 25, 0),
    "PRECEDING": (3, 25, 0),
    "RANGE": (3, 25, 0),
    "ROWS": (3, 25, 0),
    "UNBOUNDED": (3, 25, 0),
    "WINDOW": (3, 25, 0),
    # EXCLUDE clause and GROUPS frames
    "EXCLUDE": (3, 28, 0),
    "GROUPS": (3, 28, 0),
    "OTHERS": (3, 28, 0),
    "TIES": (3, 28, 0),
    # NULLS FIRST / NULLS LAST
    "FIRST": (3, 30, 0),
    "LAST": (3, 30, 0),
    "NULLS": (3, 30, 0),
    # generated columns
    "ALWAYS": (3, 31, 0),
    "GENERATED": (3, 31, 0),
    # MATERIALIZED hints and RETURNING
    "MATERIALIZED": (3, 35, 0),
    "RETURNING": (3, 35, 0),
    # ordered-set aggregates (only with SQLITE_ENABLE_ORDERED_SET_AGGREGATES)
    "WITHIN": (3, 51, 0),
}
"""Words that became keywords after 3.12.0, with the release that made them
keywords.  Every other keyword of ``tokens.KEYWORDS`` already was one in
3.12.0."""
