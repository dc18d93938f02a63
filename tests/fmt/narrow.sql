-- fmt: line-width=30 indent=4
select customer_id, sum(total) from orders where status = 'paid' and total > 100 group by customer_id;
