INSERT INTO customers (email, name, created_at)
VALUES
  ('a@example.com', 'Ann', CURRENT_TIMESTAMP),
  ('b@example.com', 'Bob', CURRENT_TIMESTAMP)
ON CONFLICT (email) DO UPDATE
  SET name = excluded.name, created_at = excluded.created_at
  WHERE customers.name IS NOT excluded.name
RETURNING id, email;
INSERT OR REPLACE INTO t DEFAULT VALUES;
REPLACE INTO t SELECT * FROM u;
UPDATE OR IGNORE inventory
SET quantity = quantity - 1, updated_at = CURRENT_TIMESTAMP
FROM orders
WHERE orders.sku = inventory.sku AND orders.id = :order_id
RETURNING quantity;
DELETE FROM sessions WHERE expires_at < strftime('%s', 'now') RETURNING id;
