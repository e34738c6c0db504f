import { Notice } from "@/components/ui/notice";
import { permissionLabel } from "@/server/auth/permission-labels";
import type { Permission } from "@/server/auth/permissions";

export function ForbiddenNotice({ permission }: { permission: Permission }) {
  return (
    <Notice tone="warning">
      Your role does not include {permissionLabel(permission)}. Ask an admin if you need this page.
    </Notice>
  );
}
