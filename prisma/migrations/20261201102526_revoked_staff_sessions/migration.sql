-- CreateTable
CREATE TABLE "revoked_staff_sessions" (
    "session_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revoked_staff_sessions_pkey" PRIMARY KEY ("session_id")
);
