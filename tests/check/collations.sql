-- Collating sequences: BINARY, NOCASE and RTRIM are built in; SQLite looks
-- a collation up only where it needs one.
CREATE TABLE words (w TEXT COLLATE nocase, x TEXT);
CREATE TABLE natural_words (v TEXT COLLATE natsort, x TEXT);
CREATE TABLE pairs (a TEXT, b TEXT, UNIQUE (a COLLATE rtrim, b COLLATE backwards));
CREATE INDEX words_x ON words (x COLLATE "binary");
CREATE INDEX words_x2 ON words (x COLLATE nocse);

-- Needed: ORDER BY, GROUP BY, comparisons, DISTINCT, min/max.
SELECT w FROM words ORDER BY w COLLATE RTRIM;
SELECT w FROM words ORDER BY w COLLATE natsort;
SELECT w FROM words ORDER BY 1 COLLATE natsort;
SELECT x FROM words GROUP BY x COLLATE natsort;
SELECT * FROM words WHERE x = 'a' COLLATE natsort;
SELECT * FROM words WHERE x COLLATE natsort BETWEEN 'a' AND 'b';
SELECT DISTINCT x COLLATE natsort FROM words;
SELECT max(x COLLATE natsort) FROM words;
SELECT count(DISTINCT x COLLATE natsort) FROM words;
SELECT row_number() OVER (PARTITION BY x COLLATE natsort) FROM words;

-- Not needed: SQLite prepares these.
SELECT x COLLATE natsort FROM words;
SELECT (x COLLATE natsort) IS NULL FROM words;
SELECT * FROM words WHERE x LIKE 'a%' COLLATE natsort;
SELECT count(x COLLATE natsort) FROM words;
SELECT * FROM words WHERE x COLLATE natsort COLLATE nocase = 'a';
CREATE TABLE checked (c TEXT CHECK (c COLLATE natsort = 'a'));
CREATE TABLE tc1(a, b);

-- A compound's ORDER BY looks its collations up where the sort is coded (not in EXISTS, not in a trigger step's SELECT).
SELECT 0 UNION SELECT 0 ORDER BY 1 COLLATE nosuch;
SELECT a FROM tc1 UNION ALL SELECT b FROM tc1 ORDER BY a COLLATE nosuch;
SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nocase;
SELECT EXISTS (SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nosuch);
SELECT (SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nosuch);
SELECT * FROM (SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nosuch);
SELECT a FROM tc1 WHERE a IN (SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nosuch);
CREATE TRIGGER tc_tr AFTER INSERT ON tc1 BEGIN SELECT a FROM tc1 UNION SELECT b FROM tc1 ORDER BY 1 COLLATE nosuch; END;

-- A compound's result columns take the collation of the left-most SELECT that has one (a COLLATE, or a column);
-- UNION, INTERSECT and EXCEPT look every column's up, an ORDER BY the sorted columns'.
SELECT 1 COLLATE nosuch UNION SELECT 2;
SELECT 1 UNION ALL SELECT 2 UNION SELECT 3 COLLATE nosuch;
SELECT a FROM tc1 UNION SELECT 0 COLLATE nosuch;
SELECT a || 'x' FROM tc1 UNION SELECT 0 COLLATE nosuch;
SELECT 1 COLLATE nocase UNION SELECT 2 COLLATE nosuch;
SELECT 1 COLLATE nosuch UNION ALL SELECT 2;
SELECT 1, 2 UNION ALL SELECT 3, 4 COLLATE nosuch ORDER BY 2;
SELECT 1, 2 UNION ALL SELECT 3, 4 COLLATE nosuch ORDER BY 1;
SELECT 1 AS k UNION ALL SELECT 3 COLLATE nosuch ORDER BY k;
INSERT INTO tc1(a) VALUES (5 COLLATE nosuch) UNION SELECT 0;
INSERT INTO tc1(a) VALUES (5), (6 COLLATE nosuch) UNION SELECT 0;
SELECT a FROM tc1 WHERE a IN (SELECT 1 UNION SELECT 2 COLLATE nosuch);
-- At most one row read and no INTERSECT/EXCEPT/ORDER BY: SQLite codes UNION as UNION ALL.
SELECT 1 COLLATE nosuch UNION SELECT 2 LIMIT 1;
SELECT 1 COLLATE nosuch UNION SELECT 2 LIMIT 2;
SELECT (SELECT 1 COLLATE nosuch UNION SELECT 2);
SELECT (SELECT 1 COLLATE nosuch EXCEPT SELECT 2);
SELECT EXISTS (SELECT 1 COLLATE nosuch UNION SELECT 2 ORDER BY 1);
-- A query read as a table (a subquery in FROM, a used CTE) takes its left-most SELECT's collations.
SELECT * FROM (SELECT 5 COLLATE nosuch AS q);
SELECT 1 FROM (VALUES (1 COLLATE nosuch), (2));
SELECT 1 FROM (VALUES (1), (2 COLLATE nosuch));
SELECT * FROM (SELECT 1 UNION ALL SELECT 2 COLLATE nosuch);
SELECT * FROM (SELECT (SELECT 1 COLLATE nosuch));
WITH w AS (SELECT 5 COLLATE nosuch) SELECT 1 FROM w;
WITH w AS (SELECT 5 COLLATE nosuch) SELECT 1;
-- Row values compare element by element, each pair with its collation.
SELECT * FROM tc1 WHERE (a, ? COLLATE nosuch) > (a, a);
SELECT * FROM tc1 WHERE (a, a) > (1, 2 COLLATE nosuch);
SELECT (1, 2 COLLATE nosuch) IN (SELECT 1, 2);
SELECT 1 WHERE (1, 2) BETWEEN (1, 2 COLLATE nosuch) AND (3, 4);
SELECT (1, 2 COLLATE nocase) = (1, 2 COLLATE nosuch);
-- A rowid (or INTEGER PRIMARY KEY) has no collation: the next SELECT's decides.
CREATE TABLE tc_ipk (id INTEGER PRIMARY KEY, v TEXT);
SELECT rowid FROM tc1 UNION SELECT 0 COLLATE nosuch;
SELECT id FROM tc_ipk UNION SELECT v COLLATE nosuch FROM tc_ipk;
SELECT v FROM tc_ipk UNION SELECT id COLLATE nosuch FROM tc_ipk;
