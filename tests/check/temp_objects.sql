-- TEMP objects: an unqualified index on a TEMP table is a TEMP index (and
-- sees the TEMP table first); TEMP tables and views may not name another database.
CREATE TEMP TABLE tt(a, b);
CREATE TABLE mt(a, b);
CREATE INDEX ti ON tt(a);
CREATE INDEX main.ti2 ON tt(a);
CREATE INDEX temp.ti3 ON tt(a);
CREATE INDEX temp.ti4 ON mt(a);
CREATE TEMP TABLE main.x(a);
CREATE TEMP TABLE temp.y(a);
CREATE TEMP VIEW main.v AS SELECT 1;
DROP INDEX ti;
DROP INDEX temp.ti3;
CREATE TABLE tt(x);
CREATE INDEX mi ON tt(x);
CREATE INDEX mi2 ON tt(a);
ATTACH ':memory:' AS aux;
CREATE TABLE aux.at(a);
CREATE INDEX temp.q ON nosuch(a);
CREATE INDEX q2 ON at(a);
CREATE INDEX aux.q3 ON at(a);
CREATE INDEX temp.q4 ON at(a);
CREATE INDEX aux.q5 ON tt(a);
CREATE TEMP TABLE aux.x(a);
CREATE TEMP TABLE nosuchdb.x(a);
CREATE TEMP VIEW temp.v AS SELECT 1;
CREATE TABLE temp.z(a);
CREATE INDEX zi ON z(a);
DROP INDEX temp.zi;
