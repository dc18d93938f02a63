-- No schema known for these names: unknown tables are warnings, not errors,
-- since they may come from a schema syntaqlite was not given.
SELECT id, name FROM customers WHERE id = 1;
SELECT c.id, o.total FROM customers AS c JOIN orders AS o ON o.customer_id = c.id;
INSERT INTO events (kind) VALUES ('x');
SELECT upper(name), nosuch_fn(1) FROM customers;
SELECT x.y FROM customers;
SELECT sum(total) FROM orders WHERE sum(total) > 1;
-- an unknown database may be attached by the application: warnings too
SELECT * FROM archive.logs;
PRAGMA archive.user_version;
DETACH archive;
REINDEX customers_name;
