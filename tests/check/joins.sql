-- Joins: USING and NATURAL merge columns, ON sees what is to its left.
CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, x INTEGER);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, name TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER, y INTEGER);
SELECT name FROM a JOIN b ON b.a_id = a.id;
SELECT id FROM a, b;
SELECT a.name, b.name FROM a JOIN b ON b.a_id = a.id;
SELECT id, name FROM a JOIN b USING (id, name);
SELECT id, name, x, a_id FROM a NATURAL JOIN b;
SELECT id FROM a JOIN b USING (a_id);
SELECT * FROM a JOIN b USING (nope);
SELECT * FROM a LEFT JOIN b ON c.b_id = b.id LEFT JOIN c ON c.y = a.x;
SELECT * FROM a JOIN b ON c.b_id = b.id JOIN c ON c.y = a.x;
SELECT * FROM a LEFT JOIN b ON b.a_id = a.id LEFT JOIN c ON c.b_id = b.id;
SELECT * FROM a RIGHT JOIN b ON b.a_id = a.id FULL JOIN c ON c.b_id = b.id;
SELECT * FROM a AS p JOIN a AS q ON q.id = p.x;
SELECT p.id FROM a AS p JOIN a AS q ON q.id = a.x;
SELECT * FROM a, (SELECT * FROM b WHERE b.a_id = a.id) AS s;
SELECT s.id, s.n FROM (SELECT id, count(*) AS n FROM b GROUP BY id) AS s;
SELECT s.name FROM (SELECT id FROM b) AS s;
SELECT s.name FROM (SELECT id FROM b) AS s JOIN a USING (id);
SELECT * FROM (SELECT 1) AS s JOIN (SELECT 2);
SELECT je.key, je.value, je.type, je.atom, je.id, je.parent, je.fullkey, je.path, je.json, je.root FROM json_each('[1,2]') AS je;
SELECT key, value FROM a, json_each(a.name);
SELECT value FROM json_tree('{"a": 1}') WHERE path = '$';
SELECT valu FROM json_each('[1]');
SELECT * FROM pragma_table_info('a') WHERE name = 'x';
SELECT cid, name, type, "notnull", dflt_value, pk FROM pragma_table_info('a');
SELECT * FROM no_such_function(1);

-- A result-column alias in an ON clause stands for its expression: it may not name a table to the right of an outer join.
CREATE TABLE jo1 (a);
CREATE TABLE jo2 (b);
CREATE TABLE jo3 (c, d);
SELECT c + d AS cd FROM jo1 LEFT JOIN jo2 ON (cd = 5) CROSS JOIN jo3;
SELECT c + d AS cd FROM jo1 JOIN jo2 ON (cd = 5) CROSS JOIN jo3;
SELECT a + b AS ab FROM jo1 LEFT JOIN jo2 ON (ab = 5) CROSS JOIN jo3;
SELECT jo3.c AS x FROM jo1 LEFT JOIN jo2 ON (x = 5) CROSS JOIN jo3;
SELECT b AS x FROM jo1 JOIN jo3 ON (x = 5) RIGHT JOIN jo2 ON 1;
-- A test for NULL of a column that cannot be NULL is folded to a constant first (NOT NULL strength reduction).
CREATE TABLE jo4 (id INTEGER PRIMARY KEY, n TEXT NOT NULL, m TEXT);
SELECT 1 FROM jo1 LEFT JOIN jo2 ON jo4.id IS NOT NULL JOIN jo4 ON 1;
SELECT 1 FROM jo1 LEFT JOIN jo2 ON jo4.n IS NULL JOIN jo4 ON 1;
SELECT 1 FROM jo1 LEFT JOIN jo2 ON jo4.m IS NULL JOIN jo4 ON 1;
SELECT 1 FROM jo1 LEFT JOIN jo2 ON jo4.n IS NULL LEFT JOIN jo4 ON 1;
SELECT jo4.n AS x FROM jo1 LEFT JOIN jo2 ON x NOTNULL JOIN jo4 ON 1;
SELECT jo4.m AS x FROM jo1 LEFT JOIN jo2 ON x NOTNULL JOIN jo4 ON 1;
CREATE VIEW jo4_view AS SELECT id, n FROM jo4;
SELECT 1 FROM jo1 LEFT JOIN jo2 ON jo4_view.id IS NOT NULL JOIN jo4_view ON 1;
