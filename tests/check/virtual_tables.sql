-- Virtual tables of the modules SQLite ships: their columns (FTS4 options,
-- FTS5 UNINDEXED, R*Tree auxiliary columns) and the shadow tables they create.
CREATE VIRTUAL TABLE t1 USING fts4(a, b, languageid=lang_id);
INSERT INTO t1(a, b, lang_id) VALUES('aaa', 'bbb', 4);
SELECT lang_id, docid, t1 FROM t1;
SELECT * FROM t1_docsize, t1_stat, t1_segdir, t1_segments, t1_content;
SELECT c0a, c1b, langid FROM t1_content;
CREATE TABLE src(x, y);
CREATE VIRTUAL TABLE ft3 USING fts4(content=src);
INSERT INTO ft3(docid, x, y) VALUES(21, 'a b c', 'd e f');
SELECT * FROM ft3_content;
CREATE VIRTUAL TABLE f5 USING fts5(a, b UNINDEXED, prefix=2, tokenize="porter");
SELECT c0, c1, sz, k, v, segid, term, pgno, block FROM f5_content, f5_docsize, f5_config, f5_idx, f5_data;
SELECT __langid FROM t1;
DROP TABLE t1;
SELECT * FROM t1_content;
CREATE VIRTUAL TABLE r USING rtree(id, x0, x1, +aux);
SELECT a0, nodeno, parentnode, data FROM r_rowid, r_parent, r_node;
CREATE VIRTUAL TABLE g3 USING fts3(a, tokenize porter, b);
SELECT a, b FROM g3;
SELECT tokenize FROM g3;
SELECT snippet(g3), offsets(g3), matchinfo(g3, 'pcx') FROM g3 WHERE g3 MATCH 'a';
SELECT highlight(f5, 0, '[', ']'), bm25(f5) FROM f5 WHERE f5 MATCH 'a';
SELECT rtreenode(2, data) FROM r_node;
ALTER TABLE g3 RENAME TO g4;
SELECT snippet(g4), c0a FROM g4, g4_content WHERE g4 MATCH 'a';
SELECT * FROM g3_content;
