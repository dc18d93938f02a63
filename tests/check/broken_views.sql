-- A view's query is resolved again where the view is used: a later DROP breaks it there.
-- A rename edits the views that name the table or column: they keep working.
CREATE TABLE bv_people (name);
CREATE VIEW bv_names AS SELECT name FROM bv_people;
ALTER TABLE bv_people RENAME COLUMN name TO full_name;
SELECT * FROM bv_names;
ALTER TABLE bv_people RENAME TO bv_persons;
SELECT * FROM bv_names;
CREATE TABLE bv_orders (id INTEGER PRIMARY KEY, total);
CREATE TABLE bv_items (order_id, sku);
CREATE VIEW bv_big AS SELECT id, total FROM bv_orders WHERE total > 100;
CREATE VIEW bv_lines AS SELECT o.id, i.sku FROM bv_orders AS o JOIN bv_items AS i ON i.order_id = o.id;
CREATE VIEW bv_on_view AS SELECT * FROM bv_lines;
SELECT * FROM bv_on_view;
DROP TABLE bv_items;
SELECT * FROM bv_big;
SELECT * FROM bv_lines;
SELECT sku FROM bv_on_view;
SELECT count(*) FROM bv_big, bv_lines;
UPDATE bv_lines SET sku = 1;
DELETE FROM bv_on_view;
CREATE TABLE bv_items (order_id, sku);
SELECT * FROM bv_on_view;
-- A column list longer or shorter than the query.
CREATE VIEW bv_cols (a, b) AS SELECT id, total, 1 FROM bv_orders;
SELECT * FROM bv_cols;
-- Views reading each other.
CREATE VIEW bv_self (x) AS WITH w AS (SELECT * FROM bv_self) SELECT x FROM bv_self;
SELECT * FROM bv_self;
-- A dropped index named by INDEXED BY.
CREATE INDEX bv_items_sku ON bv_items (sku);
CREATE VIEW bv_indexed AS SELECT * FROM bv_items INDEXED BY bv_items_sku;
DROP INDEX bv_items_sku;
SELECT * FROM bv_indexed;
-- A table given a table-valued function's name: the view's call of it is
-- no longer a function call.
CREATE VIEW bv_each AS SELECT value FROM json_each('[1]');
SELECT * FROM bv_each;
CREATE TABLE json_each (x);
SELECT * FROM bv_each;
