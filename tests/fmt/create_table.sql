create table if not exists main.accounts (id integer primary key autoincrement, owner text not null references users (id) on delete cascade deferrable initially deferred, balance numeric(12, 2) not null default 0 check (balance >= 0), currency text default 'EUR' collate nocase, created text default (datetime('now')), total as (balance * 100) stored, unique (owner, currency) on conflict replace, foreign key (owner) references users (id)) strict, without rowid;
create table t (a);
create temp table t2 as select * from t;
create table weird (a default -1, b default +2.5, "select" text);
