-- fmt: semicolons=false
select 1;
select 2
