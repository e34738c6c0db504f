"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

export function SignOutButtons() {
  const trpc = useTRPC();
  const everywhere = useMutation(
    trpc.session.signOutEverywhere.mutationOptions({ onSuccess: () => signOut({ callbackUrl: "/sign-in" }) }),
  );
  return (
    <div className="flex gap-2">
      <Button variant="ghost" size="sm" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={everywhere.isPending}
        title="Ends your sessions on every device"
        onClick={() => everywhere.mutate()}
      >
        Sign out everywhere
      </Button>
    </div>
  );
}
