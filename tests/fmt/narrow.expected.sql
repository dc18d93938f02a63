-- fmt: line-width=30 indent=4
SELECT customer_id, sum(total)
FROM orders
WHERE status = 'paid'
    AND total > 100
GROUP BY customer_id;
