SELECT
  CASE
    WHEN score >= 90 THEN 'A'
    WHEN score >= 80 THEN 'B'
    WHEN score >= 70 THEN 'C'
    ELSE 'F'
  END AS grade,
  CASE kind WHEN 1 THEN 'one' END
FROM results;
SELECT *
FROM t
WHERE (a = 1 OR b = 2)
  AND c IN (1, 2, 3)
  AND d NOT IN (SELECT x FROM u)
  AND e BETWEEN 1 AND 10
  AND f IS NOT NULL
  AND g LIKE 'a%' ESCAPE '\';
SELECT
  - -1,
  -(-1),
  NOT NOT x,
  ~y,
  CAST(a AS integer),
  a COLLATE nocase,
  x -> '$.a',
  x ->> '$.b',
  (1, 2) = (3, 4);
SELECT
  coalesce(
    first_name,
    middle_name,
    last_name,
    nickname,
    email_address,
    'anonymous user'
  )
FROM people;
SELECT EXISTS (SELECT 1 FROM t WHERE t.a = u.a) FROM u;
