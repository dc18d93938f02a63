select case when score >= 90 then 'A' when score >= 80 then 'B' when score >= 70 then 'C' else 'F' end as grade, case kind when 1 then 'one' end from results;
select * from t where (a = 1 or b = 2) and c in (1, 2, 3) and d not in (select x from u) and e between 1 and 10 and f is not null and g like 'a%' escape '\';
select - -1, -(-1), not not x, ~y, cast(a as integer), a collate nocase, x -> '$.a', x ->> '$.b', (1, 2) = (3, 4);
select coalesce(first_name, middle_name, last_name, nickname, email_address, 'anonymous user') from people;
select exists (select 1 from t where t.a = u.a) from u;
