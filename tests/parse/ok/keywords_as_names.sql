SELECT key, value, action, replace, offset, first, last FROM json_each('{}');
CREATE TABLE key (match, over, filter, window, rows, range, groups, current, do, end);
SELECT abort.plan FROM temp AS abort;
SELECT a AS "select", b "from", c [where] FROM t;
SELECT sum(x) over FROM t;
SELECT over(1), filter(2), window(3);
SELECT a FROM t window;
SELECT * FROM t AS left;
SELECT replace(a, b, c), like(a, b), glob(c, d) FROM t
