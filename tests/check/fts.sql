-- The functions of the full-text modules (fts3/fts4, fts5) and MATCH: SQLite prepares them anywhere,
-- with the argument counts the modules register.
CREATE VIRTUAL TABLE f3 USING fts3(a,b);
CREATE VIRTUAL TABLE f4 USING fts4(a,b);
CREATE VIRTUAL TABLE f5 USING fts5(a,b);
CREATE TABLE t(a,b);
SELECT offsets(f3) FROM f3 WHERE f3 MATCH 'x';
SELECT offsets(f3, 1) FROM f3;
SELECT offsets() FROM f3;
SELECT snippet(f3,1,2,3,4,5,6,7) FROM f3;
SELECT snippet() FROM f3;
SELECT matchinfo(f3) FROM f3;
SELECT matchinfo(f4,'x') FROM f4;
SELECT matchinfo(f3,'x',1) FROM f3;
SELECT optimize(f3) FROM f3;
SELECT optimize(f3, 1) FROM f3;
SELECT offsets(1) FROM t;
SELECT highlight(f5, 0, '[', ']') FROM f5 WHERE f5 MATCH 'x';
SELECT bm25(f5) FROM f5 ORDER BY bm25(f5);
SELECT snippet(f5,0,'a','b','c',5) FROM f5;
SELECT fts5_source_id();
SELECT fts5_source_id(1);
SELECT match(1, 2);
SELECT match(1);
SELECT OFFSETS(f3) FROM f3;
