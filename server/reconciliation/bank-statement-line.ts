/** A statement line as parsed from a bank file, before import. */
export type ParsedBankLine = {
  /** YYYY-MM-DD. */
  bookingDate: string;
  /** Signed minor units: credits positive, debits negative. */
  amountMinor: number;
  /** Upper case ISO 4217. */
  currency: string;
  reference: string | null;
  description: string | null;
  /** The bank's own id for the entry (camt.053 AcctSvcrRef), when it gives one. */
  bankReference: string | null;
};
