SELECT 1 + 2 * 3 - 4 / 5 % 6, a || b || c, a -> '$.x', a ->> '$.y', ~a, -a, +a, NOT a;
SELECT a & b | c << 2 >> 1, a = b, a == b, a != b, a <> b, a < b, a <= b, a > b, a >= b;
SELECT a AND b OR c AND NOT d, a IS b, a IS NOT b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b;
SELECT a ISNULL, a NOTNULL, a NOT NULL, a IS NULL, a IS NOT NULL;
SELECT a LIKE b, a NOT LIKE b ESCAPE '\', a GLOB b, a NOT REGEXP b, a MATCH b;
SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b AND c AND d;
SELECT a IN (1, 2, 3), a NOT IN (SELECT b FROM t), a IN t, a IN main.t, a IN json_each('[1]'), a IN ();
SELECT (1, 2) = (3, 4), (SELECT 1), EXISTS (SELECT 1), NOT EXISTS (SELECT 1);
SELECT a COLLATE NOCASE, CAST(a AS INTEGER), CAST(b AS VARCHAR(10)), CAST(c AS DECIMAL(10, 2)), CAST(d AS);
SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE a WHEN 1 THEN 'x' END
