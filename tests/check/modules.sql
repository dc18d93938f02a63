-- Virtual-table modules: SQLite's stock build has fts3/4/5, rtree, geopoly
-- and dbstat; others must be registered by the application (a warning
-- while the configuration declares no module).
CREATE VIRTUAL TABLE docs USING fts5 (title, body);
CREATE VIRTUAL TABLE places USING rtree (id, minx, maxx);
CREATE VIRTUAL TABLE typo USING ftz5 (body);
CREATE VIRTUAL TABLE vectors USING vec0 (embedding);
SELECT title FROM docs WHERE docs MATCH 'sqlite';
