-- fmt: line-width=20 indent=4
-- A group that begins with a comment on several lines is measured from
-- the comment's last line, however long the line before it is.
SELECT a FROM t1 WHERE b IN (SELECT CASE WHEN c > 1 THEN d ELSE ( -
/* multi
line */min(e)) END FROM t2);
