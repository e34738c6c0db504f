import { Notice } from "@/components/ui/notice";
import type { Permission } from "@/server/auth/permissions";
import { PERMISSION_LABELS, roleLabel, rolesWithPermission } from "@/server/labels/staff-access-labels";

/**
 * What a member sees on a page their role does not open: which page, what it is for, which roles
 * have it and who can change that. Never the permission key.
 */
export function ForbiddenNotice({
  page = "This page",
  permission,
  role,
}: {
  page?: string;
  permission: Permission;
  role?: string;
}) {
  return (
    <Notice tone="warning">
      <p className="font-medium">
        {page} is not open to your role{role ? ` (${roleLabel(role)})` : ""}.
      </p>
      <p>
        It is for people who {PERMISSION_LABELS[permission]}: {rolesWithPermission(permission)}. An admin can change
        your role on the Staff page.
      </p>
    </Notice>
  );
}
