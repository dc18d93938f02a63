select  1;
-- fmt: off
select   *   from   t   where   a=1;
insert into t values (1,2),
                     (3,4);
-- fmt: on
select   2;
