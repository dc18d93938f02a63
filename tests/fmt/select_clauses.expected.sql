SELECT DISTINCT
  customer_id,
  count(*) AS orders,
  sum(total) AS spent,
  max(placed_at) AS last_order
FROM orders AS o
WHERE status = 'paid' AND placed_at >= date('now', '-1 year')
GROUP BY customer_id
HAVING count(*) > 3
ORDER BY spent DESC NULLS LAST
LIMIT 10 OFFSET 20;
