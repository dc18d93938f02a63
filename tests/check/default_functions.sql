-- A DEFAULT is coded when an INSERT uses it: only then are its function calls
-- looked up, and each must be a scalar function of that many arguments.
CREATE TABLE t16(x DEFAULT(max(1)), y);
INSERT INTO t16(y) VALUES(1);
INSERT INTO t16(x, y) VALUES(1, 2);
INSERT INTO t16 DEFAULT VALUES;
CREATE TABLE t17(x DEFAULT(nosuchfunc()), y);
INSERT INTO t17(y) VALUES(1);
CREATE TABLE t18(x DEFAULT(abs(1)), y DEFAULT(count(*)));
INSERT INTO t18(x) VALUES(1);
INSERT INTO t18(y) VALUES(1);
CREATE TABLE t19(x DEFAULT(row_number()), y);
INSERT INTO t19(y) VALUES(1);
CREATE TABLE t20(x DEFAULT(substr()), y);
INSERT INTO t20(y) VALUES(1);
CREATE TABLE t21(x DEFAULT(1 + max(1)), y);
INSERT INTO t21(y) SELECT 1;
UPDATE t16 SET y = 2;
INSERT INTO t16(y) VALUES(1) ON CONFLICT DO NOTHING;
REPLACE INTO t16(y) VALUES(3);
