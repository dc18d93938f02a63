-- CHECK constraints and partial indexes ignore the database of schema.table.column.
CREATE TABLE t3(a, b);
CREATE TABLE t811(b, CHECK( xyzzy.t811.b BETWEEN 5 AND 10 ));
CREATE TABLE t812(b CHECK( main.t812.b > 0 ));
CREATE INDEX t3b ON t3(b) WHERE xyzzy.t3.b BETWEEN 5 AND 10;
CREATE INDEX t3c ON t3(xyzzy.t3.b);
SELECT xyzzy.t3.b FROM t3;
CREATE TABLE t813(b, CHECK( xyzzy.t813.nosuch > 0 ));
