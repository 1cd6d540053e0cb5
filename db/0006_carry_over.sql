-- 0006: unfinished work carried into next year's plan (结转). The new item keeps a link to
-- the item it came from; deleting the old plan leaves the new item, without the link.
ALTER TABLE plan_item ADD COLUMN carried_from INTEGER REFERENCES plan_item (id) ON DELETE SET NULL;
CREATE INDEX plan_item_carried_from ON plan_item (carried_from);
