-- fmt: semicolons=false
-- A "--" comment before the last statement's semicolon, which is dropped,
-- stays.
SELECT 1 -- one
