-- fmt: keyword-case=lower line-width=40
select Name, COUNT(*)
from People
group by Name
having COUNT(*) > 1
order by Name;
