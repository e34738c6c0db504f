import { Notice } from "@/components/ui/notice";

export function ForbiddenNotice({ permission }: { permission: string }) {
  return (
    <Notice tone="warning">
      Your role does not include <code>{permission}</code>. Ask an admin if you need this page.
    </Notice>
  );
}
