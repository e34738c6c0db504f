import type { ExportFormat } from "../accounting/export-journal-files";
import type { JournalKind, JournalMode } from "../accounting/journal-draft";
import { labelFrom } from "./in-words";

type JournalStatus = "pending" | "sent" | "failed" | "empty";
type ConnectionStatus = "active" | "revoked";
type Vendor = "quickbooks" | "xero";

export const JOURNAL_STATUS_LABELS: Record<JournalStatus, string> = {
  pending: "Waiting to be sent",
  sent: "Sent",
  failed: "Failed",
  empty: "Nothing to send",
};

export const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  active: "Connected",
  revoked: "Disconnected by the accounting system",
};

export const VENDOR_LABELS: Record<Vendor, string> = {
  quickbooks: "QuickBooks Online",
  xero: "Xero",
};

export const JOURNAL_MODE_LABELS: Record<JournalMode, string> = {
  summary: "One journal per payout (and per day not yet paid out)",
  per_transaction: "One journal per transaction",
};

export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = {
  payout: "Payout",
  day: "Day not yet paid out",
  transaction: "Transaction",
};

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  quickbooks: "QuickBooks Online journal import",
  xero: "Xero manual journal import",
  double_entry: "Plain double entry",
};

export const journalStatusLabel = (status: string) => labelFrom(JOURNAL_STATUS_LABELS, status);
export const connectionStatusLabel = (status: string) => labelFrom(CONNECTION_STATUS_LABELS, status);
export const vendorLabel = (vendor: string) => labelFrom(VENDOR_LABELS, vendor);
export const journalModeLabel = (mode: string) => labelFrom(JOURNAL_MODE_LABELS, mode);
export const journalKindLabel = (kind: string) => labelFrom(JOURNAL_KIND_LABELS, kind);
