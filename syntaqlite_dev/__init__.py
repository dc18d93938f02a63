"""Development-only tooling for syntaqlite: never installed, never imported by
``syntaqlite``.

* :mod:`syntaqlite_dev.build_tables` builds ``syntaqlite/syntax/tables.json``
  from ``grammar/sqlite.lark`` (needs Lark);
* :mod:`syntaqlite_dev.oracle` and :mod:`syntaqlite_dev.verdicts` use real
  SQLite, through apsw, as the judge of what SQLite accepts, for tests,
  benchmarks and fuzzers.

Everything here needs the ``test`` extra and a source checkout.
"""
