-- fmt: keyword-case=lower line-width=40
SELECT Name, COUNT(*) FROM People GROUP BY Name HAVING COUNT(*) > 1 ORDER BY Name;
