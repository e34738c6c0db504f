import { describe, expect, it } from "vitest";
import { PERMISSIONS, permissionsOf, roleHasPermission, STAFF_ROLES } from "./permissions";

describe("permission table", () => {
  it("keeps risk analysts away from money-moving refund and dispute actions", () => {
    expect(roleHasPermission("risk", "refunds.request")).toBe(false);
    expect(roleHasPermission("risk", "refunds.approve")).toBe(false);
    expect(roleHasPermission("risk", "disputes.respond")).toBe(false);
  });

  it("separates requesting a refund from approving it for everyone but admins", () => {
    const both = STAFF_ROLES.filter(
      (role) => roleHasPermission(role, "refunds.request") && roleHasPermission(role, "refunds.approve"),
    );
    expect(both).toEqual(["admin"]);
  });

  it("lets only admins manage staff users", () => {
    expect(STAFF_ROLES.filter((role) => roleHasPermission(role, "users.manage"))).toEqual(["admin"]);
  });

  it("grants admins every permission and every role can read orders", () => {
    expect(permissionsOf("admin")).toEqual(Object.keys(PERMISSIONS));
    for (const role of STAFF_ROLES) expect(roleHasPermission(role, "orders.read")).toBe(true);
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) {
      for (const role of roles) expect(STAFF_ROLES).toContain(role);
    }
  });
});
