import { finishConnect } from "@/server/accounting/oauth-requests";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ vendor: string }> }): Promise<Response> {
  return finishConnect(request, (await params).vendor);
}
