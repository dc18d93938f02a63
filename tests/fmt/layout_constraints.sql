-- Column definitions and table constraints break before further constraints
-- and REFERENCES actions; a constraint name stays on the line of what it names.
CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED, balance NUMERIC NOT NULL DEFAULT (0.0) CONSTRAINT balance_positive CHECK (balance >= 0 AND balance < 1000000000000 AND typeof(balance) = 'real'), total_cents integer generated always as (CAST(balance * 100 AS INTEGER)) stored, CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id, id) REFERENCES owners (id, account_id) ON DELETE SET NULL ON UPDATE CASCADE) strict, without rowid;
alter table accounts add column last_login_at_with_a_long_name text check (last_login_at_with_a_long_name is null or last_login_at_with_a_long_name > '2000');
CREATE TABLE t (a INT, b INT CONSTRAINT bb CHECK (b > 0), CONSTRAINT pk PRIMARY KEY (a));
alter table accounts add constraint positive check (balance >= 0 and balance < 1000000000000 and currency is not null);
CREATE TABLE t2 (x, total_cents integer generated always as (1) stored, b GENERATED ALWAYS AS (2), c int not null generated always as (3) virtual);
CREATE TABLE short (a INT NOT NULL DEFAULT 0 CHECK (a >= 0)) without rowid;
CREATE TABLE wide (first_column_with_long_name, second_column_with_long_name, third_column_with_long_name, UNIQUE (first_column_with_long_name, second_column_with_long_name, third_column_with_long_name) ON CONFLICT IGNORE, PRIMARY KEY (first_column_with_long_name, second_column_with_long_name, third_column_with_long_name));
