-- Monthly revenue with a running total.
WITH monthly AS (
  SELECT strftime('%Y-%m', placed_at) AS month, sum(total) AS revenue
  FROM orders WHERE status = 'paid' GROUP BY 1
)
SELECT month, revenue, sum(revenue) OVER (ORDER BY month ROWS UNBOUNDED PRECEDING) AS running
FROM monthly ORDER BY month;

-- Upsert a customer and return its id.
INSERT INTO customers (email, name) VALUES (:email, :name)
ON CONFLICT (email) DO UPDATE SET name = excluded.name
RETURNING id;

UPDATE orders SET status = 'cancelled' FROM customers
WHERE customers.id = orders.customer_id AND customers.email LIKE '%@example.com';
