-- The orders table's email filter matches a case-insensitive prefix (lower(email) LIKE 'ann%').
-- Prisma's schema cannot express an expression index, so it lives here and in
-- server/db/hand-written-indexes.ts, which the drift check reads.
CREATE INDEX "customers_email_lower_prefix_idx" ON "customers" (lower("email") text_pattern_ops);
