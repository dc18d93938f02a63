-- SQLite names an unaliased expression column after its exact text
-- ("a+b", "count(*)"), so such columns are copied as written wherever the
-- name can be seen; inside subqueries whose names cannot be seen they are
-- formatted.
select a+b, count( * ), x as y, t.z from t where k in (select a+b from u);
create view v as select max(x)+1 from t;
create table t2 as select lower(name) from t;
select s.[a+1] from (select a+1 from t) as s;
insert into log select a+b from t returning id*2;
