-- Parenthesised parts indent their contents; a comparison with a subquery keeps
-- "left >= (" on one line.
SELECT
  count(*) FILTER (
    WHERE status = 'shipped'
      AND shipped_at > date('now', '-30 days')
      AND region = 'eu'
  ) AS n
FROM orders;
SELECT
  CAST(json_extract(payload, '$.customer.lifetime_value_in_cents') AS INTEGER)
    / 100 AS ltv
FROM events;
SELECT
  sum(amount) OVER (
    PARTITION BY customer_id, region
    ORDER BY created_at
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS running
FROM payments;
SELECT name AS n
FROM products
WHERE price >= (
    SELECT avg(price)
    FROM products
    WHERE category_id = products.category_id AND active = 1
  );
SELECT a AS x
FROM t
WINDOW w AS (
  PARTITION BY customer_id, region
  ORDER BY created_at
  ROWS BETWEEN 1 PRECEDING AND CURRENT ROW
);
SELECT id AS id
FROM big_table_name
WHERE (SELECT max(version) FROM migrations WHERE applied = 1)
    < current_version_number;
SELECT a AS a
FROM t
WHERE total_amount_in_cents + adjustment_amount_in_cents > (SELECT 1 FROM u);
SELECT lag(price, 1) OVER (ORDER BY day) AS prev FROM prices;
CREATE TABLE sized (
  a TEXT
    DEFAULT (
      strftime(
        '%Y-%m-%dT%H:%M:%fZ',
        'now',
        'localtime',
        'start of day',
        '+1 day'
      )
    )
);
SELECT
  max(c) OVER (
    PARTITION BY some_partition_column
    ORDER BY a
    GROUPS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      EXCLUDE CURRENT ROW
  ) AS m
FROM t;
CREATE TRIGGER long_raise BEFORE INSERT ON a
BEGIN
  SELECT
    RAISE(
      ABORT,
      'Impossible d''ajouter un objet (category est utilisé par budget)'
    );
  SELECT RAISE(IGNORE);
END;
