-- CREATE INDEX: what an index may be on and what its terms may be.
CREATE TABLE t(a, b);
CREATE VIRTUAL TABLE f USING fts4(x);
CREATE INDEX i1 ON f(x);
CREATE INDEX i2 ON t(rowid);
CREATE INDEX i3 ON t(a COLLATE nocase DESC, b ASC);
CREATE INDEX t ON t(a);
CREATE TABLE i3(x);
CREATE INDEX i4 ON t(a NULLS FIRST);
CREATE INDEX i5 ON t(a) WHERE sum(a) > 0;
CREATE INDEX i6 ON t(a) WHERE a > (SELECT 1);
CREATE INDEX i7 ON t(a, 'b');
CREATE INDEX i8 ON t('c');
CREATE INDEX i9 ON t(1);
CREATE INDEX i10 ON t(a) WHERE b IN t;
CREATE TABLE w(a PRIMARY KEY, b) WITHOUT ROWID;
CREATE INDEX i11 ON w(rowid);
CREATE INDEX i12 ON t(abs(a), a || 'x');
CREATE INDEX i13 ON t(likely(a));
CREATE INDEX i14 ON t(a) WHERE a LIKE 'x%';
CREATE INDEX i15 ON t(a) WHERE julianday('now') > a;
CREATE INDEX i16 ON t(a, b) WHERE changes() > 0;
-- x IN () is FALSE to SQLite's parser: x is dropped unless it calls a function.
SELECT nosuchcol IN ();
SELECT nosuchfn(1) NOT IN () FROM sqlite_schema;
SELECT (SELECT 1, 2) IN ();
CREATE TABLE e1(a, b AS ((WITH w1 (xyz) AS ( SELECT e1.b FROM e1 ) SELECT 123) IN ()), c);
CREATE INDEX k ON e1( (WITH s AS( SELECT * ) VALUES(2) ) IN () );
SELECT (abs(nosuch) + 1) IN ();
