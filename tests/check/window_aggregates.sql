-- Window functions and aggregates: VALUES rows, named windows, frames,
-- whose aggregate an argument makes it, likelihood(), hex literals.
CREATE TABLE t1 (a INTEGER, b INTEGER, c TEXT);
CREATE TABLE t2 (x INTEGER, y INTEGER);
-- VALUES rows are SELECTs of their own: window functions are allowed.
VALUES (count(*) OVER ());
VALUES (2), (3), (row_number() OVER ());
INSERT INTO t2 VALUES (1, 2), (3, row_number() OVER ());
INSERT INTO t2 VALUES (3, row_number() OVER ());
INSERT INTO t2 VALUES (3, count(*));
-- Aggregates in a VALUES of several rows: fine when SQLite codes a
-- co-routine (two constant rows in a row), else never computed.
VALUES (count(*));
VALUES (2), (3), (count(*));
VALUES (count(*)), (2);
VALUES (2), (count(*));
VALUES (CAST(2 AS INT)), (3), (count(*));
VALUES (count(*)), (2) UNION SELECT 1;
SELECT 1 UNION VALUES (1), (count(*));
WITH c AS (SELECT 1) VALUES (2), (3), (count(*));
SELECT (VALUES (count(a)), (2)) FROM t1;
SELECT (VALUES (2), (count(*))) FROM t1;
SELECT (VALUES (count(*)), (2)) FROM t1;
-- An aggregate belongs to the innermost query whose FROM its arguments use.
SELECT max(a), (SELECT count(*) FROM t2 WHERE x = max(a)) FROM t1 GROUP BY b;
SELECT (SELECT count(*) FROM t2 WHERE x = max(x)) FROM t1;
SELECT x FROM t2 WHERE (SELECT count(t2.y) FROM t1);
SELECT * FROM t2 WHERE x = (SELECT count(t2.y) FROM t1 ORDER BY count(*));
SELECT a FROM t1 ORDER BY (SELECT max(b));
SELECT count(*) FROM t1 ORDER BY (SELECT x FROM t2 ORDER BY max(b));
SELECT count(*) FROM t1 WHERE EXISTS (SELECT x FROM t2 GROUP BY x HAVING x = max(a));
SELECT count((SELECT max(a))) FROM t1;
UPDATE t2 SET x = (SELECT max(y) FROM t1);
UPDATE t2 SET x = (SELECT max(a) FROM t1);
SELECT a, max(b) FROM t1 GROUP BY 1, 2;
SELECT a, max(b) FROM t1 GROUP BY 1;
SELECT a, b FROM t1 GROUP BY (SELECT max(b));
SELECT a, b FROM t1 GROUP BY (SELECT max(x) FROM t2);
-- Window calls and windows.
SELECT count(DISTINCT a) OVER (ORDER BY a) FROM t1;
SELECT lag(a) FILTER (WHERE a > 1) OVER (ORDER BY a) FROM t1;
SELECT sum(a) FILTER (WHERE a > 1) OVER (ORDER BY a) FROM t1;
SELECT sum(a ORDER BY b) OVER () FROM t1;
SELECT sum(a) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t1;
SELECT sum(a) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t1;
SELECT sum(a) OVER w FROM t1 WINDOW w AS (RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING);
SELECT a FROM t1 WINDOW w AS (RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING);
SELECT sum(a) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM t1;
SELECT sum(a) OVER (ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM t1;
SELECT sum(a) OVER (ROWS a PRECEDING) FROM t1;
SELECT sum(a) OVER (w PARTITION BY b) FROM t1 WINDOW w AS (ORDER BY a);
SELECT sum(a) OVER (w ORDER BY b) FROM t1 WINDOW w AS (ORDER BY a);
SELECT sum(a) OVER (w ORDER BY b) FROM t1 WINDOW w AS (PARTITION BY a);
SELECT sum(a) OVER (w ORDER BY b) FROM t1 WINDOW w AS (PARTITION BY a ROWS CURRENT ROW);
SELECT a FROM t1 WINDOW w AS (ORDER BY a), w2 AS (w ORDER BY b);
SELECT 1 WINDOW win AS (PARTITION BY fake_column);
SELECT sum(a) OVER w FROM t1 WINDOW w AS (PARTITION BY max(a));
-- Recursive CTEs.
WITH RECURSIVE i(x) AS (VALUES (1) UNION SELECT count(*) FROM i) SELECT * FROM i;
WITH RECURSIVE i(x) AS (VALUES (1) UNION ALL SELECT sum(x) OVER () FROM i WHERE x < 5) SELECT * FROM i;
WITH RECURSIVE i(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM i WHERE x < 5) SELECT sum(x) OVER () FROM i;
-- DISTINCT aggregates, likelihood(), hex literals.
SELECT count(DISTINCT) FROM t1;
SELECT group_concat(DISTINCT c, ',') FROM t1;
SELECT group_concat(DISTINCT c) FROM t1;
SELECT likelihood(a, 1.000001) FROM t1;
SELECT likelihood(a, 0.5), likelihood(a, (1.0)) FROM t1;
SELECT likelihood(a, 1) FROM t1;
SELECT 0x10000000000000000;
SELECT -0x8000000000000000, 0xffffffffffffffff;
SELECT 1 + -0x7fffffffffffffff;
-- UPDATE ... FROM sets values computed by a SELECT; without FROM it does not.
UPDATE t2 SET x = row_number() OVER () FROM t1;
UPDATE t2 SET x = count(*) FROM t1;
UPDATE t2 SET x = row_number() OVER ();
-- A window function's alias is no use in a subquery; GROUP BY 1 copies it.
SELECT count() OVER () AS m FROM t1 ORDER BY m;
SELECT count() OVER () AS m FROM t1 ORDER BY (SELECT m);
SELECT sum(a) OVER () FROM t1 GROUP BY 1;
SELECT a, sum(a) OVER () FROM t1 GROUP BY 1;
-- EXISTS computes neither its values nor its ORDER BY; RETURNING is judged apart.
SELECT a FROM t1 WHERE EXISTS (SELECT max(a) FROM t2);
SELECT a FROM t1 WHERE EXISTS (SELECT x FROM t2 ORDER BY max(x));
SELECT a FROM t1 WHERE EXISTS (VALUES (count(*)), (2));
SELECT a FROM t1 WHERE a IN (SELECT x FROM t2 ORDER BY max(x));
SELECT a FROM t1 WHERE EXISTS (SELECT x FROM t2 WHERE (SELECT max(a)));
INSERT INTO t2 VALUES (1, 2) RETURNING (SELECT max(x) FROM t1);
UPDATE t2 SET y = 1 FROM t1 WHERE (SELECT max(a));
SELECT row_number() OVER (RANGE 1 PRECEDING) FROM t1;
-- A query with window functions computes its aggregates in a subquery of
-- its own: an aggregate of a subquery outside the window calls is left out.
SELECT (SELECT sum(a)), min(a) OVER () FROM t1;
SELECT lag((SELECT sum(a))) OVER () FROM t1;
SELECT max(a) OVER (ORDER BY (SELECT sum(a))) FROM t1;
SELECT sum(b), min(a) OVER () FROM t1 ORDER BY (SELECT sum(a));
SELECT sum(b) FROM t1 ORDER BY (SELECT count(*) FROM t2 ORDER BY max(a));
