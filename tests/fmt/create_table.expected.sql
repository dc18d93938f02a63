CREATE TABLE IF NOT EXISTS main.accounts (
  id integer PRIMARY KEY AUTOINCREMENT,
  owner text
    NOT NULL
    REFERENCES users (id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  balance numeric(12, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  currency text DEFAULT 'EUR' COLLATE nocase,
  created text DEFAULT (datetime('now')),
  total AS (balance * 100) STORED,
  UNIQUE (owner, currency) ON CONFLICT REPLACE,
  FOREIGN KEY (owner) REFERENCES users (id)
) STRICT, WITHOUT ROWID;
CREATE TABLE t (a);
CREATE TEMP TABLE t2 AS SELECT * FROM t;
CREATE TABLE weird (a DEFAULT -1, b DEFAULT +2.5, "select" text);
