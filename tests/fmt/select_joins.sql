select c.name, o.id, i.sku from customers c join orders o on o.customer_id = c.id left outer join items i using (order_id) cross join settings natural join regions where c.active;
select * from a, b where a.x = b.x;
select * from (select id from t where x > 1) as sub join (u join v on u.id = v.id) on sub.id = u.id;
