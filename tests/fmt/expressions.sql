select case when score >= 90 then 'A' when score >= 80 then 'B' when score >= 70 then 'C' else 'F' end as grade, case kind when 1 then 'one' end as k from results;
select * from t where (a = 1 or b = 2) and c in (1, 2, 3) and d not in (select x from u) and e between 1 and 10 and f is not null and g like 'a%' escape '\';
select - -1 as a, -(-1) as b, not not x as c, ~y as d, cast(a as integer) as e, a collate nocase as f, x -> '$.a' as g, x ->> '$.b' as h, (1, 2) = (3, 4) as i;
select coalesce(first_name, middle_name, last_name, nickname, email_address, 'anonymous user') as display_name from people;
select exists (select 1 from t where t.a = u.a) as found from u;
