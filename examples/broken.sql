SELECT id, email FORM customers;
SELECT * FROM orders WHERE total > ;
SELECT name FROM customers WHERE id = 1;
