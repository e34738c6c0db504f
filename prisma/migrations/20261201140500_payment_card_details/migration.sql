-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "card_brand" TEXT,
ADD COLUMN     "card_last4" CHAR(4),
ADD COLUMN     "three_d_secure_result" TEXT;
