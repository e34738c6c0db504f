"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { STAFF_ROLES } from "@/server/auth/permissions";
import { askReason } from "./ask-reason";

const field = "mt-1 block h-10 w-full rounded-lg border border-stone-300 bg-white px-2 text-sm";
type Role = (typeof STAFF_ROLES)[number];

export function StaffUsers({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const users = useQuery(trpc.staffUsers.list.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staffUsers.list.queryKey() }) };
  const create = useMutation(trpc.staffUsers.create.mutationOptions(refresh));
  const changeRole = useMutation(trpc.staffUsers.changeRole.mutationOptions(refresh));
  const setActive = useMutation(trpc.staffUsers.setActive.mutationOptions(refresh));
  const signOutEverywhere = useMutation(trpc.staffUsers.signOutEverywhere.mutationOptions(refresh));
  const resetTwoFactor = useMutation(trpc.staffUsers.resetTwoFactor.mutationOptions(refresh));
  const settings = useQuery(trpc.staffUsers.securitySettings.queryOptions());
  const setRequirement = useMutation(
    trpc.staffUsers.setTwoFactorRequirement.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staffUsers.securitySettings.queryKey() }),
    }),
  );
  const failure = [create, changeRole, setActive, signOutEverywhere, resetTwoFactor, setRequirement].find(
    (mutation) => mutation.error,
  )?.error;
  const requireTwoFactor = settings.data?.requireTwoFactor;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        email: String(form.get("email")),
        name: String(form.get("name")),
        role: String(form.get("role")) as Role,
        password: String(form.get("password")),
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <div className="space-y-6">
      {failure ? <Notice tone="error">{failure.message}</Notice> : null}
      <section aria-labelledby={`${id}-two-factor`} className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id={`${id}-two-factor`} className="text-lg font-medium">
          Two-factor sign-in
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          {requireTwoFactor === undefined
            ? "Loading…"
            : requireTwoFactor
              ? "Required for admins, finance and support: the roles that can move money."
              : "Not required: admins, finance and support can sign in with a password alone."}
        </p>
        {requireTwoFactor === undefined ? null : (
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            disabled={setRequirement.isPending}
            onClick={() => {
              const reason = askReason(
                requireTwoFactor ? "Why stop requiring two-factor sign-in?" : "Why require two-factor sign-in again?",
              );
              if (reason) setRequirement.mutate({ required: !requireTwoFactor, reason });
            }}
          >
            {requireTwoFactor ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in"}
          </Button>
        )}
      </section>
      <DataTable
        label="Staff users"
        rows={users.data ?? []}
        empty={users.isPending ? "Loading staff users…" : null}
        columns={[
          { id: "name", header: "Name", cell: (user) => user.name },
          { id: "email", header: "Email", cell: (user) => user.email },
          {
            id: "role",
            header: "Role",
            cell: (user) => (
              <>
                <label className="sr-only" htmlFor={`${id}-role-${user.id}`}>
                  Role of {user.email}
                </label>
                <select
                  id={`${id}-role-${user.id}`}
                  value={user.role}
                  className="h-9 rounded-lg border border-stone-300 px-2"
                  onChange={(event) => {
                    const reason = askReason(`Why change ${user.email} to ${event.target.value}?`);
                    if (reason) {
                      changeRole.mutate({ staffUserId: user.id, role: event.target.value as Role, reason });
                    }
                  }}
                >
                  {STAFF_ROLES.map((role) => (
                    <option key={role}>{role}</option>
                  ))}
                </select>
              </>
            ),
          },
          {
            id: "state",
            header: "State",
            cell: (user) =>
              !user.active ? (
                "Deactivated"
              ) : user.lockedUntil && new Date(user.lockedUntil) > new Date() ? (
                <>
                  Locked until <DateTime value={user.lockedUntil} />
                </>
              ) : (
                "Active"
              ),
          },
          {
            id: "two-factor",
            header: "Two-factor",
            cell: (user) => (user.totpEnabledAt ? "On" : "Off"),
          },
          {
            id: "actions",
            header: "Actions",
            cell: (user) => (
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={user.id === currentUserId}
                  onClick={() => {
                    const reason = askReason(`Why ${user.active ? "deactivate" : "reactivate"} ${user.email}?`);
                    if (reason) setActive.mutate({ staffUserId: user.id, active: !user.active, reason });
                  }}
                >
                  {user.active ? "Deactivate" : "Reactivate"}
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => signOutEverywhere.mutate({ staffUserId: user.id })}
                >
                  Sign out everywhere
                </Button>
                {user.totpEnabledAt ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      const reason = askReason(`Why reset two-factor sign-in for ${user.email}?`);
                      if (reason) resetTwoFactor.mutate({ staffUserId: user.id, reason });
                    }}
                  >
                    Reset two-factor
                  </Button>
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <form
        onSubmit={onCreate}
        aria-labelledby={`${id}-new`}
        className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <h2 id={`${id}-new`} className="text-lg font-medium sm:col-span-2 lg:col-span-5">
          Add a staff user
        </h2>
        <div>
          <label htmlFor={`${id}-name`} className="text-sm font-medium">
            Name
          </label>
          <input id={`${id}-name`} name="name" required className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-email`} className="text-sm font-medium">
            Email
          </label>
          <input id={`${id}-email`} name="email" type="email" required className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="text-sm font-medium">
            Role
          </label>
          <select id={`${id}-role`} name="role" className={field} defaultValue="support">
            {STAFF_ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-password`} className="text-sm font-medium">
            First password
          </label>
          <input id={`${id}-password`} name="password" type="password" minLength={12} required className={field} />
        </div>
        <div className="flex items-end">
          <Button type="submit" size="sm" disabled={create.isPending}>
            Add user
          </Button>
        </div>
      </form>
    </div>
  );
}
