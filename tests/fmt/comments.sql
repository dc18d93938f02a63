-- Header comment.

-- About the first query.
SELECT a, -- the a column
  b /* inline */ , c
FROM t -- where from
WHERE x = 1 /* trailing block */;

/* A block comment
   on several lines. */
SELECT
  -- leading own-line comment
  1;
SELECT 2; -- after the semicolon
-- dangling at the end

-- Two line comments before the semicolon: the first stays trailing.
SELECT 1 -- a
-- b
;
UPDATE t SET a = 1 -- x
-- y
;

-- A block comment right after an opening parenthesis stays against it.
SELECT * FROM t1 JOIN t2 ON (/* c */ b2 = 1);
SELECT * FROM t WHERE a IN (/* c */ 1, 2);

-- A block comment before ")" closes up to it.
SELECT randomblob(800 /* c */) FROM t1;
