-- One 3-D Secure column: the charge's result where Stripe gave one (it is the finer word:
-- attempt_acknowledged, exempted…), else what PayOps saw (challenged, or authenticated once a
-- challenged payment was authorised). Nothing is lost: the other column held nothing more.
UPDATE "payments"
SET "three_d_secure" = "three_d_secure_result"
WHERE "three_d_secure_result" IS NOT NULL;

-- AlterTable
ALTER TABLE "payments" DROP COLUMN "three_d_secure_result";
