-- When an object next needs the engine's attention (epoch ms, NULL for never): an instance's heartbeat deadline,
-- which the stale-instance sweep reads through the index instead of parsing every instance. Instances written
-- before this column existed start at 0, so the first sweep checks each of them once and sets the real value.
ALTER TABLE reflex_object ADD COLUMN due_ms BIGINT;
UPDATE reflex_object SET due_ms = 0 WHERE type = 'Instance';
CREATE INDEX reflex_object_due ON reflex_object (type, due_ms);
