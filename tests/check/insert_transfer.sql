-- INSERT INTO t SELECT * FROM u may be a row transfer (generated columns in the same places): no count.
CREATE TABLE t0(c0 AS (typeof(c1)), c1);
CREATE TABLE t1(x AS (typeof(y)), y);
CREATE TABLE t2(p, q);
CREATE TABLE t3(x, y AS (x));
INSERT INTO t1 SELECT * FROM t0;
INSERT INTO t1 SELECT * FROM t2;
INSERT INTO t1 SELECT * FROM t3;
INSERT INTO t1 SELECT * FROM t0 WHERE 1;
INSERT INTO t1 SELECT c0, c1 FROM t0;
