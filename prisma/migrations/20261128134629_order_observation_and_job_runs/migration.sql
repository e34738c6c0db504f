-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "stripe_observed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "concurrency_key" TEXT,
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_runs_run_id_idx" ON "job_runs"("run_id");

-- CreateIndex
CREATE INDEX "job_runs_job_id_started_at_idx" ON "job_runs"("job_id", "started_at");

-- CreateIndex
CREATE INDEX "job_runs_status_started_at_idx" ON "job_runs"("status", "started_at");
