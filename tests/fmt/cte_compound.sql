with recursive cnt(n) as (select 1 union all select n + 1 from cnt where n < 100), evens as materialized (select n from cnt where n % 2 = 0) select n from evens union select n from cnt where n > 95 order by n;
select 1 union all select 2;
