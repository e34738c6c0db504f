import type Stripe from "stripe";
import { db, type PrismaClient } from "@/server/db/client";
import type { StaffRole } from "@/server/db/generated/enums";
import { stripe } from "@/server/stripe/client";

export type DisputeDeps = { prisma: PrismaClient; stripe: Stripe };
export type DisputeActor = { id: string; role: StaffRole };

export function appDisputeDeps(): DisputeDeps {
  return { prisma: db(), stripe: stripe() };
}
