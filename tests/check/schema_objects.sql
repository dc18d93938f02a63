-- Schema objects: REINDEX, DROP of SQLite's tables, ATTACH/DETACH, views and
-- triggers as stored objects, PRAGMA writable_schema.
CREATE TABLE t (a TEXT COLLATE nocase, b);
CREATE INDEX t_a ON t (a);
CREATE TEMP TABLE scratch (x);
REINDEX;
REINDEX t;
REINDEX t_a;
REINDEX main.t_a;
REINDEX nocase;
REINDEX RTRIM;
REINDEX expressions;
REINDEX bogus;
REINDEX main.nocase;
REINDEX temp.t;
REINDEX nosuchdb.t;
-- DROP of SQLite's own tables
ANALYZE;
DROP TABLE sqlite_stat1;
DROP TABLE sqlite_master;
DROP TABLE IF EXISTS sqlite_temp_master;
DROP VIEW sqlite_schema;
-- ATTACH and DETACH
ATTACH ':memory:' AS aux;
ATTACH ':memory:' AS AUX;
ATTACH ':memory:' AS main;
CREATE TABLE aux.remote (r);
DETACH temp;
DETACH nosuchdb;
-- views
CREATE VIEW v_param AS SELECT a FROM t WHERE b = ?;
CREATE VIEW v_param2 (c) AS SELECT a FROM t WHERE b = :b OR b = ?2;
CREATE TEMP VIEW v_param3 AS SELECT @x;
CREATE VIEW v_temp AS SELECT x FROM temp.scratch;
CREATE VIEW v_temp2 AS SELECT a FROM t WHERE a IN (SELECT x FROM temp.scratch);
CREATE VIEW v_aux AS SELECT r FROM aux.remote;
CREATE VIEW v_unbound AS SELECT x FROM scratch;
CREATE VIEW v_main AS SELECT a FROM main.t;
CREATE TEMP VIEW v_any AS SELECT x, r FROM temp.scratch, aux.remote;
CREATE VIEW aux.v_remote AS SELECT r FROM remote;
CREATE VIEW aux.v_local AS SELECT a FROM t;
CREATE VIEW v_cte AS WITH scratch (y) AS (SELECT 1) SELECT y FROM scratch;
SELECT * FROM v_main, v_any, aux.v_remote, v_cte;
-- triggers
CREATE TRIGGER t_var AFTER INSERT ON t BEGIN UPDATE t SET b = ?1; END;
CREATE TRIGGER t_var2 AFTER INSERT ON t WHEN new.a = :a BEGIN SELECT 1; END;
CREATE TEMP TRIGGER t_var3 AFTER INSERT ON t BEGIN SELECT $x; END;
CREATE TRIGGER t_ret AFTER INSERT ON t BEGIN INSERT INTO t (a) VALUES (1) RETURNING b; END;
CREATE TEMP TRIGGER main.t_tq AFTER INSERT ON t BEGIN SELECT 1; END;
CREATE TEMP TRIGGER temp.t_tq AFTER INSERT ON t BEGIN SELECT 1; END;
CREATE TRIGGER t_x AFTER INSERT ON t BEGIN SELECT x FROM temp.scratch; END;
CREATE TRIGGER t_x2 AFTER INSERT ON t BEGIN DELETE FROM t WHERE a IN (SELECT r FROM aux.remote); END;
CREATE TRIGGER t_unbound AFTER INSERT ON t BEGIN DELETE FROM scratch; END;
CREATE TRIGGER t_unbound2 AFTER INSERT ON t BEGIN SELECT x FROM scratch; END;
CREATE TEMP TRIGGER t_ok AFTER INSERT ON t BEGIN DELETE FROM scratch; INSERT INTO aux.remote VALUES (new.a); END;
CREATE TRIGGER t_on_temp AFTER INSERT ON scratch BEGIN DELETE FROM scratch; END;
CREATE TRIGGER aux.t_remote AFTER INSERT ON remote BEGIN DELETE FROM remote; END;
CREATE TRIGGER aux.t_remote2 AFTER INSERT ON t BEGIN SELECT 1; END;
CREATE TRIGGER aux.t_remote3 AFTER INSERT ON main.t BEGIN SELECT 1; END;
CREATE TRIGGER t_main AFTER INSERT ON main.t BEGIN SELECT a FROM main.t; END;
INSERT INTO t VALUES ('x', 1);
INSERT INTO scratch VALUES (1);
-- rename: indexes and triggers follow their table
DROP VIEW v_unbound;
DROP VIEW aux.v_local;
ALTER TABLE t RENAME TO t2;
REINDEX t_a;
DROP TRIGGER t_main;
DROP TRIGGER t_ok;
DROP INDEX t_a;
-- writable_schema lifts the ban on writing the schema table
UPDATE sqlite_master SET sql = sql WHERE name = 't2';
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = sql WHERE name = 't2';
DELETE FROM sqlite_master WHERE name = 'nothing';
INSERT INTO sqlite_temp_master SELECT * FROM sqlite_temp_master WHERE 0;
DROP TABLE sqlite_master;
PRAGMA writable_schema = RESET;
DELETE FROM sqlite_schema WHERE name = 'nothing';
PRAGMA writable_schema = 1;
DELETE FROM sqlite_schema WHERE name = 'nothing';
PRAGMA main.writable_schema = off;
DELETE FROM sqlite_schema WHERE name = 'nothing';
PRAGMA writable_schema = 'yes';
DELETE FROM sqlite_schema WHERE name = 'nothing';
PRAGMA writable_schema = -1;
DELETE FROM sqlite_schema WHERE name = 'nothing';
-- a ROLLBACK undoes the schema changes of the transaction
BEGIN;
CREATE TABLE tx (a);
CREATE INDEX tx_a ON tx (a);
ROLLBACK;
SELECT * FROM tx;
CREATE TABLE tx (a);
BEGIN;
DROP TABLE tx;
ROLLBACK;
SELECT a FROM tx;
SAVEPOINT one;
CREATE TABLE ty (b);
SAVEPOINT two;
DROP TABLE ty;
ROLLBACK TO two;
SELECT b FROM ty;
RELEASE one;
ROLLBACK;
SELECT b FROM ty;
-- the indexes of UNIQUE and PRIMARY KEY constraints
CREATE TABLE keyed_t (k TEXT PRIMARY KEY, u UNIQUE, v, UNIQUE (v, u));
CREATE TABLE rowid_t (id INTEGER PRIMARY KEY, w);
CREATE TABLE desc_t (id INTEGER, PRIMARY KEY (id DESC));
DROP INDEX sqlite_autoindex_keyed_t_1;
DROP INDEX IF EXISTS sqlite_autoindex_keyed_t_3;
DROP INDEX main.sqlite_autoindex_keyed_t_2;
DROP INDEX sqlite_autoindex_keyed_t_4;
DROP INDEX sqlite_autoindex_rowid_t_1;
DROP INDEX sqlite_autoindex_desc_t_1;
REINDEX sqlite_autoindex_keyed_t_3;
SELECT k FROM keyed_t INDEXED BY sqlite_autoindex_keyed_t_1 WHERE k = 'a';
-- ANALYZE names a database, a table or an index
CREATE TEMP TABLE temp_stats (b);
ANALYZE nosuch;
ANALYZE main.nosuch;
ANALYZE nosuchdb.keyed_t;
ANALYZE keyed_t;
ANALYZE main;
ANALYZE temp;
ANALYZE temp.keyed_t;
ANALYZE temp_stats;
SELECT * FROM temp.sqlite_stat1;
-- a view that reads itself
CREATE TEMP VIEW keyed_t AS SELECT k FROM keyed_t;
CREATE TEMP VIEW rowid_t AS SELECT id FROM main.rowid_t;
CREATE VIEW selfish AS SELECT * FROM selfish;
CREATE VIEW shadowed AS WITH shadowed AS (SELECT 1 AS x) SELECT x FROM shadowed;
-- a name already taken, as SQLite prints it
CREATE TABLE [keyed_t] (z);
CREATE TRIGGER "t_on_temp" AFTER INSERT ON scratch BEGIN SELECT 1; END;
CREATE INDEX "tx_a" ON tx (a);
CREATE INDEX "tx_a" ON tx (a);
-- IF NOT EXISTS of an existing view or trigger: SQLite never reads the rest
CREATE VIEW IF NOT EXISTS v_main AS SELECT nosuch FROM nosuch_table;
CREATE TRIGGER IF NOT EXISTS t_on_temp AFTER INSERT ON scratch BEGIN SELECT nosuch FROM nosuch_table; END;
CREATE TRIGGER IF NOT EXISTS t_on_temp AFTER INSERT ON nosuch_table BEGIN SELECT 1; END;
-- pragmas that look their table up
PRAGMA foreign_key_check(nosuch);
PRAGMA integrity_check(nosuch);
PRAGMA quick_check('5');
PRAGMA integrity_check(5);
PRAGMA integrity_check(-3);
PRAGMA foreign_key_check(keyed_t);
PRAGMA main.foreign_key_check(temp_stats);
PRAGMA temp.quick_check(temp_stats);
PRAGMA table_info(nosuch);
-- EXPLAIN prepares a statement without running it
EXPLAIN CREATE TABLE explained (a);
SELECT * FROM explained;
EXPLAIN DROP TABLE keyed_t;
SELECT k FROM main.keyed_t;
EXPLAIN CREATE TABLE keyed_t (b);
