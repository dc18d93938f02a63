-- Virtual-table arguments break after their commas; each is kept as written.
CREATE VIRTUAL TABLE docs_fts USING fts5(
  title,
  body,
  tags UNINDEXED,
  content='docs',
  content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE t USING fts4(
  a  b, /* c */
  tokenize=unicode61 "remove_diacritics=2", -- d
  e
);
CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx);
