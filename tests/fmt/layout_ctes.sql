-- Several CTEs: WITH alone, each CTE indented.
WITH recent AS (SELECT id, customer_id FROM orders WHERE created_at > date('now', '-7 days')), totals AS (SELECT customer_id, sum(total) AS spent FROM recent GROUP BY customer_id) SELECT c.name AS name, t.spent AS spent FROM totals AS t JOIN customers AS c ON c.id = t.customer_id;
WITH a AS (SELECT 1) SELECT x AS y FROM a;
INSERT INTO archive (id) WITH old AS (SELECT id FROM orders WHERE created_at < '2020-01-01'), gone AS (SELECT id FROM old) SELECT id FROM gone;
