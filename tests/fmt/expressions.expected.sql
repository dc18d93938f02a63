SELECT
  CASE
    WHEN score >= 90 THEN 'A'
    WHEN score >= 80 THEN 'B'
    WHEN score >= 70 THEN 'C'
    ELSE 'F'
  END AS grade,
  CASE kind WHEN 1 THEN 'one' END AS k
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
  - -1 AS a,
  -(-1) AS b,
  NOT NOT x AS c,
  ~y AS d,
  CAST(a AS integer) AS e,
  a COLLATE nocase AS f,
  x -> '$.a' AS g,
  x ->> '$.b' AS h,
  (1, 2) = (3, 4) AS i;
SELECT
  coalesce(
    first_name,
    middle_name,
    last_name,
    nickname,
    email_address,
    'anonymous user'
  ) AS display_name
FROM people;
SELECT EXISTS (SELECT 1 FROM t WHERE t.a = u.a) AS found FROM u;
