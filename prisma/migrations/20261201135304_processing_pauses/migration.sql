-- CreateTable
CREATE TABLE "processing_pauses" (
    "pipeline" TEXT NOT NULL,
    "paused_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paused_by_id" UUID,
    "reason" TEXT NOT NULL,

    CONSTRAINT "processing_pauses_pkey" PRIMARY KEY ("pipeline")
);
