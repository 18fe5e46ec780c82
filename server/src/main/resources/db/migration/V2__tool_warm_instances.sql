-- Corral server schema, version 2: a tool revision may opt in to warm instances
-- (ToolSpec.Builder.warmInstances, docs/tools-secrets-history.md). A boolean as INTEGER 0/1, as
-- version 1 says; every revision stored before this version keeps them off.
ALTER TABLE tool_revisions ADD COLUMN warm_instances INTEGER NOT NULL DEFAULT 0;
