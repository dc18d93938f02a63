-- One value wanted: ORDER BY and GROUP BY terms, VALUES items, LIMIT and OFFSET.
CREATE TABLE t(a, b);
CREATE TABLE u(x, y);
SELECT a FROM t ORDER BY (a, b);
SELECT a FROM t ORDER BY (SELECT 1, 2);
SELECT a FROM t ORDER BY (SELECT * FROM u);
SELECT a FROM t GROUP BY (a, b);
SELECT a FROM t UNION SELECT x FROM u ORDER BY (a, b);
INSERT INTO t VALUES((SELECT 1, 2), 3);
INSERT INTO t VALUES((1, 2), 3);
INSERT INTO t VALUES((SELECT * FROM u), 3);
INSERT INTO t SELECT (1, 2), 3;
INSERT INTO t VALUES(1, 2), ((1, 2), 3);
UPDATE t SET a = (1, 2);
UPDATE t SET (a, b) = (SELECT * FROM u);
UPDATE t SET (a, b) = (SELECT * FROM u, t);
UPDATE t SET (a, b) = (SELECT 1);
SELECT a FROM t LIMIT (1, 2);
SELECT a FROM t WHERE a IN ((1, 2), 3);
SELECT (a, b) FROM t;
SELECT count((a, b)) FROM t;
SELECT a FROM t ORDER BY 1 COLLATE nocase, (a, b) DESC;
VALUES((1, 2));
VALUES(1), ((SELECT 1, 2));
SELECT a AS k FROM t ORDER BY k;
SELECT a FROM t ORDER BY (SELECT 1) DESC, (SELECT x FROM u);

-- Row values are compared element by element: an element may not be a row value itself.
SELECT (2, (2, 0)) IS (2, (20));
SELECT (2, (2, 0)) = (2, (2, 0));
SELECT (1, 2) = (1, (2, 3));
SELECT 1 WHERE (1, 2) BETWEEN (1, (2, 3)) AND (3, 4);
SELECT (1, (2, 3)) IN (SELECT 1, 2);
SELECT (1, (2)) = (1, 2);
SELECT 1 WHERE (2 IN (SELECT 1), (20)) IS (2, (20));
-- In WHERE and ON, = and IS of row values of the same shape are split into one comparison per element.
SELECT 1 WHERE (2, (2, 0)) IS (2, (2, 0));
SELECT 1 WHERE (2, (2, 0)) = (2, (2, 1));
SELECT 1 WHERE (2, (2, 0)) IS NOT (2, (2, 0));
SELECT 1 WHERE (2, (2, 0)) < (2, (2, 0));
SELECT 1 WHERE (2, (2, 0)) IS (2, (20));
