-- A line comment before a closing parenthesis stays after its item, and the
-- list stays broken.
CREATE TABLE t (
  a INT,
  b INT -- note
);

INSERT INTO t (a, b)
VALUES
  (1, 2), -- first
  (
    3,
    4 -- last value
  );

SELECT
  f(
    a,
    b -- second argument
  ) AS x
FROM t;

SELECT a AS x
FROM t
WHERE (a, b) IN (
    SELECT a, b FROM u -- inner
  );

-- Trailing comments break the enclosing clause list, not the expression.
SELECT a
FROM t
WHERE x = 1 -- only ones
GROUP BY a -- grouping
ORDER BY b;

SELECT u.name AS name
FROM users AS u
JOIN orders AS o ON o.user_id = u.id -- join
WHERE o.total > 10;

UPDATE t
SET a = a + 1 -- bump
WHERE b = 2;

UPDATE t
SET
  a = a + 1, -- bump
  b = 0
WHERE b = 2;

SELECT a AS x FROM t WHERE x = 1; -- the statement's own comment

CREATE TRIGGER tr AFTER INSERT ON t
BEGIN
  UPDATE t
  SET a = a + 1 -- bump
  WHERE b = new.b;
  DELETE FROM u WHERE id = new.a; -- clean up
END;

-- Two trailing comments around a comma never share a line.
SELECT
  a, -- x
  -- y
  b
FROM t;

CREATE TABLE sized (
  a VARCHAR(
    10 -- characters
  ),
  b,
  PRIMARY KEY (
    a,
    b -- both
  )
);

-- Empty parentheses, PRAGMA values and SET column lists keep their comments.
SELECT a
FROM t1
WHERE b NOT IN ( -- none
  );
SELECT *
FROM generate_series( -- no arguments
);
PRAGMA cache_spill(
  -25 -- pages
);
UPDATE t1
SET
  (
    c,
    d -- both
  ) = (1, 2);
SELECT a AS a
FROM t1
JOIN t2 -- second
  ON b = x;
SELECT
  count(*) OVER ( -- the whole result
  ) AS n
FROM t;
