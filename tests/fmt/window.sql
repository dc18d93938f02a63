select id, row_number() over (partition by grp order by ts rows between unbounded preceding and current row) as rn, sum(x) over w as total from t window w as (partition by grp order by ts range between 1 preceding and 1 following exclude ties);
select count(*) filter (where ok) over () as n, group_concat(name, ', ' order by name) as names from t;
