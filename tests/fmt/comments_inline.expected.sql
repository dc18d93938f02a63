-- A block comment that starts a line but has code after it on that line
-- leads that code, and prints on the line of what precedes it, spaced as
-- the trailing comment it then reads as (formatting again keeps it).
INSERT INTO t2 VALUES (1, 0) /* c */, (2, 0);
SELECT rowid /* c */, x FROM t1;
SELECT t1 /* c */.a, t2. /* c */b FROM t1, t2;
SELECT a FROM t1 WHERE length(randomblob /* c */(5)) = - /* c */1;
SELECT count(*) FROM t1 WHERE a <= c /* c */;
SELECT 1, 2 /* c */, 3;

-- A comment on several lines printed inline breaks no line around it.
SELECT t1.a FROM t1 JOIN t2 ON t1.rowid > t2.r WHERE /* multi
line */ t2.a = 24;
INSERT INTO t1 (a, e) VALUES (1, 95) ON CONFLICT (e) /* multi
line */ DO UPDATE SET b = 'e';
CREATE TABLE IF NOT EXISTS t1 /* multi
line */ (c0 INTEGER);
SELECT a FROM t1 WHERE random(/* multi
line */ ) % 10 AND (a /* multi
line */, b) IN (SELECT 1, 2);

-- Comments that start a line stay on one line with each other.
SELECT
  a,
  /* x */ -- y
  b
FROM t1;
/* a */ /* b */ -- c

COMMIT;
CREATE TABLE
/* a */ /* b */
/* c */ t3 (x);

-- A comment on its own line before a list element breaks the list, not
-- the element.
INSERT INTO t
VALUES
  (1, 2),
  /* c */
  (3, 4);
SELECT
  d,
  e, -- c
  /* multi
line */
  f + 1
FROM t;
