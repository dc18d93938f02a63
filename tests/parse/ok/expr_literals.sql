SELECT 1, 1.5, .5, 1., 1e10, 1.5E-3, 0x1F, 0XABCDEF, 1_000_000, 1_0.2_5e1_0;
SELECT 'string', 'it''s', X'00FF', x'', NULL, TRUE, FALSE, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP;
SELECT ?, ?1, ?42, :name, @name, $name, $a::b, $a::b(c), #name;
SELECT "double quoted", [bracketed], `backticked`, "a""b", 'str'.'col';
SELECT main.t.c, t.c, c
