-- Application-style statements for bench/fmt_compare.py: the schema and
-- queries of a small issue tracker with billing.  SQLite prepares every
-- statement on a database made by the schema statements (CREATE, ALTER,
-- DROP) before it, and comments sit in every position a person puts them.

PRAGMA foreign_keys = ON;

-- Accounts.
CREATE TABLE users (
  id INTEGER PRIMARY KEY, -- rowid alias
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL DEFAULT '' CHECK (length(display_name) <= 80),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT /* soft delete */
);

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings))
) STRICT;

CREATE TABLE memberships (
  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'member', -- owner | admin | member
  joined_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT memberships_pk PRIMARY KEY (team_id, user_id),
  CONSTRAINT memberships_role_ck CHECK (role IN ('owner', 'admin', 'member'))
) WITHOUT ROWID;

CREATE TABLE projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id INTEGER NOT NULL,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  UNIQUE (team_id, slug),
  FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
  assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  body TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'blocked', 'done')),
  priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 4), /* 0 = urgent */
  estimate_minutes INTEGER,
  spent_minutes INTEGER NOT NULL DEFAULT 0,
  due_on TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TEXT,
  remaining_minutes INTEGER GENERATED ALWAYS AS (max(coalesce(estimate_minutes, 0) - spent_minutes, 0)) VIRTUAL,
  is_overdue INTEGER AS (due_on IS NOT NULL AND due_on < '2030-01-01' AND status <> 'done') STORED
);

CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  actor_id INTEGER REFERENCES users (id),
  kind TEXT NOT NULL, -- created, status, assigned, comment
  payload TEXT,
  at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE tags (id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL, name TEXT NOT NULL, color TEXT);

CREATE TABLE task_tags (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams (id),
  number TEXT NOT NULL UNIQUE,
  issued_on TEXT NOT NULL,
  paid_on TEXT,
  currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
  CHECK (paid_on IS NULL OR paid_on >= issued_on) -- no payment before the invoice
);

CREATE TABLE invoice_lines (
  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  description TEXT NOT NULL,
  quantity REAL NOT NULL DEFAULT 1 CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL,
  vat_rate REAL NOT NULL DEFAULT 0.2,
  PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL DEFAULT 0 -- the last value handed out
);

CREATE INDEX tasks_by_project_status ON tasks (project_id, status, priority DESC) WHERE status <> 'done';

CREATE UNIQUE INDEX tags_by_team_name ON tags (team_id, lower(name));

CREATE INDEX task_events_recent ON task_events (task_id, at DESC); -- the activity feed

CREATE VIRTUAL TABLE task_search USING fts5(title, body, content='tasks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

-- Keep the search index and the activity log up to date.
CREATE TRIGGER tasks_after_insert AFTER INSERT ON tasks FOR EACH ROW
BEGIN
  INSERT INTO task_search (rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO task_events (task_id, actor_id, kind, payload)
  VALUES (new.id, new.assignee_id, 'created', json_object('title', new.title, 'priority', new.priority));
END;

CREATE TRIGGER tasks_status_changed AFTER UPDATE OF status ON tasks
WHEN old.status IS NOT new.status AND new.status IN ('done', 'blocked') AND new.project_id IS NOT NULL
BEGIN
  UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = new.id; -- touch
  INSERT INTO task_events (task_id, kind, payload)
  VALUES (new.id, 'status', json_object('from', old.status, 'to', new.status));
  -- closing a parent closes nothing else
END;

CREATE TRIGGER tasks_before_delete BEFORE DELETE ON tasks FOR EACH ROW WHEN old.status = 'in_progress'
BEGIN
  SELECT RAISE(ABORT, 'cannot delete a task in progress');
END;

CREATE VIEW open_tasks AS
SELECT t.id, t.title, t.priority, p.slug AS project, u.display_name AS assignee
FROM tasks AS t
JOIN projects AS p ON p.id = t.project_id
LEFT JOIN users AS u ON u.id = t.assignee_id
WHERE t.status <> 'done' AND p.archived = 0;

INSERT INTO users (email, display_name) VALUES
  ('ada@example.com', 'Ada Lovelace'), -- founder
  ('grace@example.com', 'Grace Hopper'),
  /* contractors */ ('alan@example.com', 'Alan Turing');

INSERT INTO tags (team_id, name, color)
VALUES
  (1, 'bug', '#d73a4a'), -- red
  (1, 'idea', '#a2eeef') -- light blue
;

INSERT INTO invoices (
  team_id,
  number, -- INV-yyyy-nnnn
  issued_on
) VALUES (1, 'INV-2026-0001', '2026-01-31');

INSERT INTO counters (name, value) VALUES ('invoice_number', 1)
ON CONFLICT (name) DO UPDATE SET value = value + 1 -- bump
RETURNING value;

INSERT INTO task_tags (task_id, tag_id)
SELECT t.id, g.id FROM tasks AS t JOIN tags AS g ON g.name = 'triage' WHERE t.status = 'open' AND t.assignee_id IS NULL
ON CONFLICT DO NOTHING;

INSERT INTO memberships (team_id, user_id, role) VALUES (:team_id, :user_id, :role)
ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role WHERE excluded.role <> memberships.role;

INSERT OR REPLACE INTO tags (id, team_id, name, color) VALUES (?1, ?2, trim(?3), coalesce(?4, '#888888'));

REPLACE INTO counters (name, value) VALUES ('tasks_imported', (SELECT count(*) FROM tasks WHERE body LIKE '%imported%'));

UPDATE tasks
SET status = 'blocked', -- waiting for the parent
    updated_at = CURRENT_TIMESTAMP
WHERE parent_id IN (SELECT id FROM tasks WHERE status = 'blocked') AND status = 'open';

UPDATE tasks AS t
SET spent_minutes = t.spent_minutes + e.minutes, updated_at = CURRENT_TIMESTAMP
FROM (SELECT task_id, sum(json_extract(payload, '$.minutes')) AS minutes FROM task_events WHERE kind = 'time' GROUP BY task_id) AS e
WHERE e.task_id = t.id
RETURNING id, spent_minutes AS minutes_now;

DELETE FROM task_events WHERE at < date('now', '-90 days') AND kind NOT IN ('created', 'status') /* keep history */;

DELETE FROM tasks WHERE id IN (SELECT t.id FROM tasks AS t JOIN projects AS p ON p.id = t.project_id WHERE p.archived = 1 ORDER BY t.id LIMIT 500);

SELECT u.id, u.email, count(DISTINCT m.team_id) AS teams, max(m.joined_at) AS last_joined FROM users AS u LEFT JOIN memberships AS m ON m.user_id = u.id WHERE u.deleted_at IS NULL GROUP BY u.id, u.email HAVING count(DISTINCT m.team_id) > 1 ORDER BY teams DESC, u.email LIMIT 50 OFFSET 0;

SELECT
  p.slug, -- the project
  t.id,
  t.title,
  u.display_name AS assignee
FROM tasks AS t
JOIN projects AS p ON p.id = t.project_id -- every task has one
LEFT JOIN users AS u ON u.id = t.assignee_id
WHERE t.status = 'open' -- only open ones
  AND t.priority <= 1
ORDER BY t.priority, t.due_on NULLS LAST;

SELECT t.id, t.title, p.title AS project, tm.name AS team, owner.email AS owner_email, assignee.email AS assignee_email, parent.title AS parent_title
FROM tasks AS t INNER JOIN projects AS p ON p.id = t.project_id INNER JOIN teams AS tm ON tm.id = p.team_id INNER JOIN users AS owner ON owner.id = tm.owner_id
LEFT OUTER JOIN users AS assignee ON assignee.id = t.assignee_id LEFT OUTER JOIN tasks AS parent ON parent.id = t.parent_id AND parent.project_id = t.project_id
WHERE tm.plan = 'enterprise' AND (t.due_on BETWEEN date('now') AND date('now', '+14 days') OR t.priority = 0);

WITH RECURSIVE subtree (id, parent_id, depth, path) AS (
  SELECT id, parent_id, 0, printf('%06d', id) FROM tasks WHERE id = :root
  UNION ALL
  SELECT c.id, c.parent_id, s.depth + 1, s.path || '/' || printf('%06d', c.id)
  FROM tasks AS c JOIN subtree AS s ON c.parent_id = s.id
  WHERE s.depth < 20 -- guard against cycles
)
SELECT id, depth, path FROM subtree ORDER BY path;

WITH team_totals AS (
  SELECT i.team_id, sum(l.quantity * l.unit_price_cents * (1 + l.vat_rate)) AS gross_cents
  FROM invoices AS i JOIN invoice_lines AS l ON l.invoice_id = i.id
  WHERE i.paid_on IS NOT NULL
  GROUP BY i.team_id
), ranked AS (
  SELECT team_id, gross_cents, rank() OVER (ORDER BY gross_cents DESC) AS position FROM team_totals
)
SELECT tm.name, r.gross_cents / 100.0 AS gross, r.position
FROM ranked AS r JOIN teams AS tm ON tm.id = r.team_id
WHERE r.position <= 10;

SELECT
  t.project_id,
  t.id,
  t.priority,
  row_number() OVER (PARTITION BY t.project_id ORDER BY t.priority, t.created_at) AS queue_position,
  sum(t.estimate_minutes) OVER (PARTITION BY t.project_id ORDER BY t.priority, t.created_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_minutes,
  lag(t.title, 1, '(first)') OVER w AS previous_title
FROM tasks AS t
WHERE t.status IN ('open', 'in_progress')
WINDOW w AS (PARTITION BY t.project_id ORDER BY t.created_at);

SELECT date(at) AS day, count(*) FILTER (WHERE kind = 'created') AS created, count(*) FILTER (WHERE kind = 'status' AND json_extract(payload, '$.to') = 'done') AS closed,
  avg(length(payload)) AS avg_payload
FROM task_events GROUP BY date(at) ORDER BY day DESC LIMIT 30;

SELECT
  id,
  CASE status
    WHEN 'open' THEN 'To do'
    WHEN 'in_progress' THEN 'Doing' -- the common case
    WHEN 'blocked' THEN 'Blocked'
    ELSE 'Done'
  END AS column_label,
  CASE WHEN due_on IS NULL THEN 'no date' WHEN due_on < date('now') THEN 'late' WHEN due_on < date('now', '+7 days') THEN 'this week' ELSE 'later' END AS due_bucket
FROM tasks;

SELECT
  /* the invoice */ i.number,
  i.issued_on,
  sum(l.quantity * l.unit_price_cents) AS net_cents, /* before VAT */
  sum(round(l.quantity * l.unit_price_cents * l.vat_rate)) AS vat_cents
FROM invoices AS i
JOIN invoice_lines AS l ON l.invoice_id = i.id -- one row per line
GROUP BY i.id;

SELECT i.number, i.issued_on, sum(l.quantity * l.unit_price_cents) AS net_cents
FROM invoices AS i
JOIN invoice_lines AS l ON l.invoice_id = i.id
WHERE i.issued_on >= (SELECT min(issued_on) FROM invoices WHERE paid_on IS NULL AND team_id = i.team_id)
GROUP BY i.id
HAVING net_cents > 0;

SELECT t.id, t.title
FROM tasks AS t
WHERE NOT EXISTS (SELECT 1 FROM task_tags AS tt JOIN tags AS g ON g.id = tt.tag_id WHERE tt.task_id = t.id AND g.name IN ('wontfix', 'duplicate'))
  AND t.project_id IN (SELECT id FROM projects WHERE team_id = :team AND archived = 0)
  AND t.title NOT LIKE '%[draft]%' ESCAPE '\';

SELECT tm.name AS team, group_concat(DISTINCT u.display_name) AS members,
  json_group_array(json_object('id', u.id, 'email', u.email, 'role', m.role, 'since', m.joined_at)) AS member_json
FROM teams AS tm JOIN memberships AS m ON m.team_id = tm.id JOIN users AS u ON u.id = m.user_id
GROUP BY tm.id;

SELECT id, title FROM tasks WHERE status = 'open'
UNION
SELECT t.id, t.title FROM tasks AS t JOIN task_tags AS tt ON tt.task_id = t.id JOIN tags AS g ON g.id = tt.tag_id AND g.name = 'urgent'
EXCEPT
SELECT id, title FROM tasks WHERE assignee_id IS NOT NULL
ORDER BY 1;

SELECT
  CAST(strftime('%s', t.updated_at) - strftime('%s', t.created_at) AS INTEGER) / 3600 AS hours_open,
  iif(t.spent_minutes > coalesce(t.estimate_minutes, 0), 'over', 'under') AS budget,
  t.title COLLATE NOCASE AS sort_title
FROM tasks AS t
WHERE t.status = 'done' AND t.updated_at IS NOT NULL
ORDER BY hours_open DESC, sort_title;

SELECT rowid, highlight(task_search, 0, '<b>', '</b>') AS title, snippet(task_search, 1, '<b>', '</b>', '...', 12) AS excerpt
FROM task_search WHERE task_search MATCH :query ORDER BY rank LIMIT 20;

SELECT json_object(
  'id', id,
  'title', title -- shown in the list
) AS item FROM tasks;

SELECT e.id, e.kind, value AS tag
FROM task_events AS e, json_each(e.payload, '$.tags')
WHERE e.kind = 'tagged' AND json_valid(e.payload);

SELECT p.id, p.title,
  (SELECT count(*) FROM tasks WHERE project_id = p.id) AS total, -- all tasks
  (SELECT count(*) FROM tasks WHERE project_id = p.id AND status = 'done') AS done,
  round(100.0 * (SELECT count(*) FROM tasks WHERE project_id = p.id AND status = 'done') / nullif((SELECT count(*) FROM tasks WHERE project_id = p.id), 0), 1) AS percent_done
FROM projects AS p
WHERE p.archived = 0;

SELECT *
FROM tasks
WHERE (project_id, status) IN (VALUES (1, 'open'), (1, 'blocked'), (2, 'open'))
  AND priority < 3;

-- Dashboard: open work per assignee, with the oldest task.
SELECT u.display_name,
  count(*) AS open_count,
  min(t.created_at) AS oldest,
  sum(CASE WHEN t.priority = 0 THEN 1 ELSE 0 END) AS urgent -- P0
FROM users AS u
JOIN tasks AS t ON t.assignee_id = u.id AND t.status <> 'done'
GROUP BY u.id
ORDER BY open_count DESC;

ALTER TABLE tasks ADD COLUMN external_ref TEXT CHECK (external_ref IS NULL OR external_ref GLOB '[A-Z][A-Z]*-[0-9]*');

ALTER TABLE tags RENAME COLUMN color TO colour;

CREATE VIEW IF NOT EXISTS team_usage (team_id, team, projects, tasks, minutes) AS
SELECT tm.id, tm.name, count(DISTINCT p.id), count(t.id), total(t.spent_minutes)
FROM teams AS tm LEFT JOIN projects AS p ON p.team_id = tm.id LEFT JOIN tasks AS t ON t.project_id = p.id
GROUP BY tm.id;

CREATE TEMP TABLE import_batch AS SELECT * FROM tasks WHERE 0;

SAVEPOINT import; -- nested transactions for imports

RELEASE SAVEPOINT import;

ANALYZE tasks;

DROP INDEX IF EXISTS task_events_recent;

EXPLAIN QUERY PLAN SELECT * FROM tasks WHERE project_id = 1 AND status = 'open' ORDER BY priority DESC;

SELECT count(*) FROM tasks; -- the end
