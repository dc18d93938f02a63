-- fmt: line-width=20
-- The text after a comment on several lines printed inline is measured
-- from the start of the comment's last line; the comment's space is on
-- the line where it prints.
UPDATE t7 SET docid =
/* multi
line */ 5;
SELECT a FROM t1 WHERE r <
/* multi
line */ -549755813889;
SELECT a FROM t1 WHERE f(x
/* multi
line */, y) > 1;
SELECT c FROM t
/* c */ WHERE NOT
/* multi
line */ c <= 'aa';

-- A "--" comment ends its line: what follows it on the next line does
-- not count against the width of the line before.
SELECT 'two e' -- c
; /* c */
SELECT 1;
