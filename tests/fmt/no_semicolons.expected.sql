-- fmt: semicolons=false
SELECT 1;
SELECT 2
