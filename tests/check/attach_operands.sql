-- ATTACH, DETACH and VACUUM INTO resolve their operands with no table in scope;
-- a single word is text in ATTACH and DETACH.
CREATE TABLE t1(a);
VACUUM INTO x;
VACUUM INTO 'x' || nosuch;
VACUUM INTO t1.nosuchcol;
VACUUM INTO nofunc('a');
VACUUM INTO (SELECT zz FROM t1);
ATTACH ":memory:" AS y;
ATTACH x || 'a' AS y2;
ATTACH 'f' AS y3 || z;
DETACH(SELECT group_concat(q));
DETACH x || y;
ATTACH ':memory:' AS aa KEY kk;
ATTACH ':memory:' AS bb KEY kk || 1;
ATTACH nofunc(1) AS cc;
ATTACH (SELECT zz FROM t1) AS dd;
ATTACH count(*) AS gg;
ATTACH 'file:x?mode=memory' AS ff KEY t1.a;
