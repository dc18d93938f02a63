SELECT
  id,
  row_number() OVER (
    PARTITION BY grp
    ORDER BY ts
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS rn,
  sum(x) OVER w AS total
FROM t
WINDOW w AS (
  PARTITION BY grp
  ORDER BY ts
  RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES
);
SELECT
  count(*) FILTER (WHERE ok) OVER () AS n,
  group_concat(name, ', ' ORDER BY name) AS names
FROM t;
