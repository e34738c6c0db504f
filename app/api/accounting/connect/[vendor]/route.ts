import { beginConnect } from "@/server/accounting/oauth-requests";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ vendor: string }> }): Promise<Response> {
  return beginConnect(request, (await params).vendor);
}
