insert into customers (email, name, created_at) values ('a@example.com', 'Ann', current_timestamp), ('b@example.com', 'Bob', current_timestamp) on conflict (email) do update set name = excluded.name, created_at = excluded.created_at where customers.name is not excluded.name returning id, email;
insert or replace into t default values;
replace into t select * from u;
update or ignore inventory set quantity = quantity - 1, updated_at = current_timestamp from orders where orders.sku = inventory.sku and orders.id = :order_id returning quantity;
delete from sessions where expires_at < strftime('%s', 'now') returning id;
