-- Quoted names: "double quotes" that name nothing are strings to SQLite.
CREATE TABLE "Quoted Table" ("Col A" INTEGER, [col b] TEXT, `col c` REAL);
SELECT "Col A", [col b], `col c` FROM "Quoted Table";
SELECT "col a", "COL B" FROM "quoted table";
SELECT "Col Z" FROM "Quoted Table";
SELECT [Col Z] FROM "Quoted Table";
SELECT * FROM "Quoted Table" WHERE [col b] = "ok";
SELECT "Quoted Table"."Col A" FROM "Quoted Table";
SELECT q."Col A" FROM "Quoted Table" AS q WHERE q."nope" = 1;
INSERT INTO "Quoted Table" ("Col A") VALUES ("not a column");

-- A table whose name is itself quoted is another table than the unquoted one.
CREATE TABLE qx2 (a, b);
CREATE TABLE '"qx2"' (c, d);
INSERT INTO qx2 VALUES (1, 2);
INSERT INTO ["qx2"] VALUES (3, 4);
SELECT a, b FROM qx2;
SELECT c, d FROM ["qx2"];
SELECT c FROM qx2;
CREATE INDEX qx2_c ON ["qx2"] (c);
SELECT * FROM ["qx2"] INDEXED BY qx2_c;
DROP TABLE ["qx2"];
SELECT a FROM qx2;
SELECT c FROM ["qx2"];
