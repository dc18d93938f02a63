-- leading comment
SELECT /* inline */ a, -- trailing
  b /* multi
  line */ FROM t; -- after semicolon

/* between statements */
SELECT 1
/* unterminated comment at the end is allowed
