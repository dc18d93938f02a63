-- Trigger headers: event, table and FOR EACH ROW together; WHEN as WHERE;
-- comments before END at the body indentation.
CREATE TRIGGER IF NOT EXISTS orders_audit_after_delete AFTER DELETE ON orders FOR EACH ROW WHEN old.status = 'shipped' AND old.total > 1000 AND old.customer_id IS NOT NULL BEGIN
  INSERT INTO audit_log (table_name, row_id, action) VALUES ('orders', old.id, 'delete');
  -- before end
END;
CREATE TRIGGER tr AFTER DELETE ON t BEGIN SELECT 1; END;
