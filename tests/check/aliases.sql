-- Result-column aliases: ORDER BY, GROUP BY, HAVING, and WHERE as a fallback.
CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, amount REAL, sold TEXT);
SELECT region AS r, sum(amount) AS total FROM sales GROUP BY r ORDER BY total DESC;
SELECT region AS r FROM sales WHERE r = 'north';
SELECT amount * 2 AS doubled FROM sales WHERE doubled > 10 ORDER BY doubled;
SELECT region, sum(amount) AS total FROM sales GROUP BY region HAVING total > 100;
SELECT region, sum(amount) AS total FROM sales WHERE total > 100 GROUP BY region;
SELECT region, count(*) AS n FROM sales GROUP BY n;
SELECT region AS r FROM sales ORDER BY rr;
SELECT region AS amount FROM sales WHERE amount > 1;
SELECT s.region AS r FROM sales AS s ORDER BY s.r;
SELECT region AS r FROM sales GROUP BY r HAVING count(*) > 1;
SELECT region FROM sales HAVING count(*) > 1;
SELECT region, max(amount) FROM sales GROUP BY region HAVING max(amount) > 10;
SELECT id AS k FROM sales LIMIT k;
SELECT id FROM sales LIMIT (SELECT count(*) FROM sales);
SELECT id AS k FROM sales ORDER BY k + 1;
SELECT (SELECT k) AS j, id AS k FROM sales;
