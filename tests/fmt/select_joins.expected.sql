SELECT c.name, o.id, i.sku
FROM customers c
JOIN orders o ON o.customer_id = c.id
LEFT OUTER JOIN items i USING (order_id)
CROSS JOIN settings
NATURAL JOIN regions
WHERE c.active;
SELECT * FROM a, b WHERE a.x = b.x;
SELECT *
FROM (SELECT id FROM t WHERE x > 1) AS sub
JOIN (u JOIN v ON u.id = v.id) ON sub.id = u.id;
