-- * over a FROM where a table inside an aliased parenthesized join has the name of another item.
CREATE TABLE t4(a, b);
CREATE TABLE t5(a, c);
CREATE TABLE t6(d);
CREATE TABLE t1(a, b);
CREATE TABLE t2(x, y);
SELECT * FROM t5 JOIN ((t4 JOIN (t5 JOIN t6)) t7);
SELECT * FROM (t1 JOIN t2) AS x, t1;
SELECT * FROM (t1 JOIN t2) AS x, t2;
SELECT * FROM (t1 JOIN t2) AS x JOIN t2 AS t2b;
SELECT t1.* FROM (t1 JOIN t2) AS x, t1;
SELECT * FROM (t1 JOIN t2) AS x, (t1 JOIN t2) AS y;
