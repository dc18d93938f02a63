-- Names SQLite keeps for itself: sqlite_ objects (allowed under PRAGMA
-- writable_schema), and its own tables, which may not be indexed.
CREATE TABLE sqlite_stat1(tbl, idx, stat);
PRAGMA writable_schema=ON;
CREATE TABLE sqlite_stat1(tbl INTEGER PRIMARY KEY DESC, idx UNIQUE DEFAULT NULL) WITHOUT ROWID;
UPDATE sqlite_master SET sql='x' WHERE 0;
PRAGMA writable_schema=OFF;
UPDATE sqlite_master SET sql='x' WHERE 0;
CREATE TABLE sqlite_x(a);
PRAGMA writable_schema=1;
CREATE TABLE sqlite_y(a);
PRAGMA writable_schema=full;
CREATE TABLE sqlite_z(a);
CREATE INDEX i1 ON sqlite_stat1(tbl);
CREATE TABLE t(x INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE INDEX i2 ON sqlite_sequence(name);
CREATE INDEX i3 ON sqlite_master(name);
