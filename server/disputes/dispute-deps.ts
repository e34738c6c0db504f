import type Stripe from "stripe";
import { db, type PrismaClient } from "../db/client";
import type { StaffRole } from "../db/generated/enums";
import { stripe } from "../stripe/client";

export type DisputeDeps = { prisma: PrismaClient; stripe: Stripe };
export type DisputeActor = { id: string; role: StaffRole };

export function appDisputeDeps(): DisputeDeps {
  return { prisma: db(), stripe: stripe() };
}
