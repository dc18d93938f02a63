-- A small shop: the schema.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT,
  created_at TEXT DEFAULT CURRENT_TIMESTAMP
) STRICT;

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total REAL CHECK (total >= 0),
  status TEXT NOT NULL DEFAULT 'open',
  placed_at TEXT
);

CREATE INDEX orders_by_customer ON orders (customer_id, placed_at DESC) WHERE status <> 'cancelled';

CREATE VIEW big_spenders (customer, spent) AS
SELECT c.email, sum(o.total) FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id HAVING sum(o.total) > 1000;
