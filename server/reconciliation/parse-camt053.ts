import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "../errors";
import { toMinorUnits } from "../money";
import type { ParsedBankLine } from "./bank-statement-line";

const ARRAYS = new Set(["Stmt", "Ntry", "TxDtls", "Ustrd"]);

// Values stay strings (parseTagValue off): an amount must never pass through a float.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node => (value && typeof value === "object" ? (value as Node) : {});
const text = (value: unknown): string | null => {
  if (typeof value === "string") return value.trim() || null;
  const inner = node(value)["#text"];
  return typeof inner === "string" ? inner.trim() || null : null;
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function bookingDate(entry: Node, where: string): string {
  const booked = node(entry.BookgDt);
  const date = text(booked.Dt) ?? text(booked.DtTm)?.slice(0, 10) ?? null;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AppError("BAD_REQUEST", `${where}: no booking date`);
  return date;
}

/** Booked entries of an ISO 20022 camt.053 statement (any of its versions), one line each. */
export function parseCamt053(xml: string): ParsedBankLine[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError("BAD_REQUEST", `The file is not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  }
  const document = node(node(parser.parse(xml)).Document);
  const stmts = list(document.BkToCstmrStmt).flatMap((statement) => list(node(statement).Stmt));
  if (stmts.length === 0)
    throw new AppError("BAD_REQUEST", "The file is not a camt.053 statement (no BkToCstmrStmt/Stmt)");
  const lines: ParsedBankLine[] = [];
  stmts.forEach((statement, s) => {
    list(node(statement).Ntry).forEach((raw, n) => {
      const entry = node(raw);
      const where = `Statement ${s + 1}, entry ${n + 1}`;
      const status = text(node(entry.Sts).Cd) ?? text(entry.Sts);
      if (status && status !== "BOOK") return;
      const amount = node(entry.Amt);
      const currency = String(amount["@_Ccy"] ?? "").toUpperCase();
      const value = text(entry.Amt);
      const indicator = text(entry.CdtDbtInd);
      if (!value || !currency || (indicator !== "CRDT" && indicator !== "DBIT")) {
        throw new AppError("BAD_REQUEST", `${where}: an amount needs Amt with Ccy and CdtDbtInd CRDT or DBIT`);
      }
      let minor: number;
      try {
        minor = toMinorUnits(value, currency);
      } catch (error) {
        throw new AppError("BAD_REQUEST", `${where}: ${(error as Error).message}`);
      }
      const details = list(node(entry.NtryDtls).TxDtls).map(node);
      const unstructured = details.flatMap((detail) => list(node(detail.RmtInf).Ustrd).map(text)).filter(Boolean);
      const endToEnd = details.map((detail) => text(node(detail.Refs).EndToEndId)).find(Boolean) ?? null;
      lines.push({
        bookingDate: bookingDate(entry, where),
        amountMinor: indicator === "DBIT" ? -minor : minor,
        currency,
        reference: [endToEnd, ...unstructured].filter(Boolean).join(" ") || null,
        description: text(entry.AddtlNtryInf),
        bankReference: text(entry.AcctSvcrRef),
      });
    });
  });
  return lines;
}
