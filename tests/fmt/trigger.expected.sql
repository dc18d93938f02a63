CREATE TRIGGER IF NOT EXISTS audit_update
  AFTER UPDATE OF balance ON accounts FOR EACH ROW
  WHEN new.balance <> old.balance
BEGIN
  INSERT INTO audit (account, old_balance, new_balance)
  VALUES (new.id, old.balance, new.balance);
  UPDATE stats SET changes = changes + 1;
  SELECT RAISE(ABORT, 'negative') WHERE new.balance < 0;
END;
