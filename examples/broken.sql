SELECT id, email FORM customers;
SELECT * FROM orders WHERE total > ;
SELECT nme FROM customers WHERE id = 1;
SELECT customer_id, count(*) FROM orders WHERE sum(total) > 100 GROUP BY customer_id;
SELECT substr(email) FROM customer;
