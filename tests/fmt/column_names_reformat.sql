-- fmt: column-names=reformat
-- Unaliased result columns are formatted like any expression.
SELECT a+b, count(*)   FILTER (WHERE x>1), CAST(x AS text) FROM t;
CREATE VIEW v AS SELECT lower(name)||'@'||domain FROM users;
