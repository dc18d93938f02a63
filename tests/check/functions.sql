-- Functions: known names, arities, aggregate and window kinds.
CREATE TABLE m (id INTEGER PRIMARY KEY, grp TEXT, v REAL, note TEXT);
SELECT upper(note), lower(note), length(note), abs(v), round(v, 2) FROM m;
SELECT uper(note) FROM m;
SELECT no_such_thing(1);
SELECT substr(note) FROM m;
SELECT substr(note, 1, 2, 3) FROM m;
SELECT coalesce(note) FROM m;
SELECT coalesce(note, 'x', 'y') FROM m;
SELECT max(v), max(v, 1), min(v, 1, 2) FROM m;
SELECT count(), count(*), count(id), count(id, v) FROM m;
SELECT group_concat(note, ', '), string_agg(note, ','), total(v), avg(v) FROM m;
SELECT grp, sum(v) FROM m WHERE sum(v) > 10 GROUP BY grp;
SELECT grp FROM m GROUP BY sum(v);
SELECT sum(count(*)) FROM m;
SELECT grp FROM m ORDER BY sum(v);
SELECT count(*) FROM m ORDER BY sum(v);
SELECT sum(v) FILTER (WHERE v > 0) FROM m;
SELECT upper(note) FILTER (WHERE v > 0) FROM m;
SELECT group_concat(note ORDER BY id) FROM m;
SELECT upper(note ORDER BY id) FROM m;
SELECT printf('%d', 1), format('%s', 'x'), iif(v > 0, 1, 0), nullif(v, 0) FROM m;
SELECT iif(v > 0) FROM m;
SELECT json_extract(note, '$.a'), json_object('a', 1), json_array(1, 2), note -> '$.a', note ->> '$.a' FROM m;
SELECT date('now'), time('now'), datetime('now'), julianday('now'), strftime('%Y', 'now'), unixepoch() FROM m;
SELECT random(), randomblob(4), hex(x'00'), quote(note), typeof(v), instr(note, 'a'), replace(note, 'a', 'b') FROM m;
SELECT likely(v), unlikely(v), likelihood(v, 0.5) FROM m;
SELECT DISTINCT count(DISTINCT grp) FROM m;
SELECT count(DISTINCT grp, note) FROM m;
SELECT last_insert_rowid(), changes(), total_changes(), sqlite_version() FROM m;
SELECT glob('a*', note), like('a%', note), like('a%', note, '\') FROM m;
SELECT CAST(v AS INTEGER), v COLLATE NOCASE, note LIKE 'a%' ESCAPE '\' FROM m;

-- LIKE, GLOB and REGEXP call the function of that name: SQLite has no regexp()
-- unless the application registers one, and glob() takes no ESCAPE.
SELECT 'abc' LIKE 'a%' ESCAPE '\', 'abc' GLOB 'a*';
SELECT 'abc' REGEXP '^a';
SELECT 'abc' GLOB 'a*' ESCAPE '\';
