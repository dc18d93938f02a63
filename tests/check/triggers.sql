-- Triggers: new. and old. as the event allows, INSTEAD OF on views, RAISE.
CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER);
CREATE TABLE log (item_id INTEGER, what TEXT, old_qty INTEGER, new_qty INTEGER);
CREATE VIEW stock AS SELECT id, name, qty FROM item;
CREATE TRIGGER item_ins AFTER INSERT ON item BEGIN
  INSERT INTO log VALUES (new.id, 'insert', NULL, new.qty);
END;
CREATE TRIGGER item_upd AFTER UPDATE OF qty ON item WHEN new.qty <> old.qty BEGIN
  INSERT INTO log VALUES (new.id, 'update', old.qty, new.qty);
END;
CREATE TRIGGER item_del BEFORE DELETE ON item BEGIN
  SELECT RAISE(ABORT, 'no deletes') WHERE old.qty > 0;
  INSERT INTO log VALUES (old.id, 'delete', old.qty, NULL);
END;
CREATE TRIGGER bad_new AFTER DELETE ON item BEGIN
  INSERT INTO log VALUES (new.id, 'x', NULL, NULL);
END;
CREATE TRIGGER bad_old AFTER INSERT ON item BEGIN
  INSERT INTO log VALUES (old.id, 'x', NULL, NULL);
END;
CREATE TRIGGER bad_col AFTER UPDATE ON item BEGIN
  UPDATE log SET new_qty = new.quantity WHERE item_id = old.id;
END;
CREATE TRIGGER bad_table AFTER INSERT ON item BEGIN
  INSERT INTO logs VALUES (new.id, 'x', NULL, NULL);
END;
CREATE TRIGGER on_missing AFTER INSERT ON missing_table BEGIN SELECT 1; END;
CREATE TRIGGER item_ins AFTER INSERT ON item BEGIN SELECT 1; END;
CREATE TRIGGER IF NOT EXISTS item_ins AFTER INSERT ON item BEGIN SELECT 1; END;
CREATE TRIGGER stock_ins INSTEAD OF INSERT ON stock BEGIN
  INSERT INTO item (name, qty) VALUES (new.name, new.qty);
END;
INSERT INTO stock (name, qty) VALUES ('bolt', 3);
UPDATE stock SET qty = 0;
CREATE TRIGGER stock_upd INSTEAD OF UPDATE OF qty ON stock BEGIN
  UPDATE item SET qty = new.qty WHERE id = old.id;
END;
UPDATE stock SET qty = 0;
UPDATE stock SET name = 'x';
DELETE FROM stock;
CREATE TRIGGER view_after AFTER DELETE ON stock BEGIN SELECT 1; END;
CREATE TRIGGER table_instead INSTEAD OF DELETE ON item BEGIN SELECT 1; END;
SELECT RAISE(IGNORE);
CREATE TRIGGER qualified AFTER INSERT ON item BEGIN
  INSERT INTO main.log VALUES (1, 2, 3, 4);
END;
DROP TRIGGER item_ins;
DROP TRIGGER item_ins;
DROP TRIGGER IF EXISTS item_ins;
DROP TABLE item;
DROP TRIGGER item_upd;
