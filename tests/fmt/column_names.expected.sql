-- SQLite names an unaliased expression column after its exact text
-- ("a+b", "count(*)"), so such columns are copied as written wherever the
-- name can be seen; inside subqueries whose names cannot be seen they are
-- formatted.
SELECT a+b, count( * ), x AS y, t.z FROM t WHERE k IN (SELECT a + b FROM u);
CREATE VIEW v AS SELECT max(x)+1 FROM t;
CREATE TABLE t2 AS SELECT lower(name) FROM t;
SELECT s.[a+1] FROM (SELECT a+1 FROM t) AS s;
INSERT INTO log SELECT a + b FROM t RETURNING id*2;
