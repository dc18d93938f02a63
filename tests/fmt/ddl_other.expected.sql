CREATE UNIQUE INDEX IF NOT EXISTS idx_accounts_owner
ON accounts (owner COLLATE nocase DESC, currency)
WHERE balance > 0;
CREATE VIEW IF NOT EXISTS rich (owner, balance) AS
  SELECT owner, balance FROM accounts WHERE balance > 1000000;
CREATE VIRTUAL TABLE docs USING fts5(
  title,
  body,
  tokenize = 'porter unicode61' /* keep */
);
ALTER TABLE accounts ADD COLUMN note text DEFAULT '';
ALTER TABLE accounts RENAME COLUMN note TO notes;
DROP TABLE IF EXISTS old_accounts;
PRAGMA foreign_keys = ON;
PRAGMA main.cache_size = -2000;
PRAGMA table_info(accounts);
ATTACH DATABASE 'other.db' AS other;
VACUUM INTO 'backup.db';
BEGIN IMMEDIATE TRANSACTION;
COMMIT;
