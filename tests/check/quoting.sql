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
