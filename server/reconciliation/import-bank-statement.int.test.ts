import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { importBankStatement, parseBankStatement, saveBankAccount } from "./import-bank-statement";
import { EUROPEAN_BANK_MAPPING, europeanBankCsv } from "./testing/bank-csv";
import { CAMT053 } from "./testing/camt053-sample";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const line = (day: number, amountMinor: number, reference = "STRIPE PAYOUT") => ({
  date: new Date(Date.UTC(2026, 10, day)),
  amountMinor,
  currency: "EUR",
  reference,
  party: "STRIPE",
});

describe("importing bank statements", () => {
  it("imports a CSV file once: the same file again adds nothing, an overlapping one adds only its new lines", async () => {
    const { id } = await saveBankAccount(database.prisma, {
      name: "CSV account",
      currency: "EUR",
      csvMapping: EUROPEAN_BANK_MAPPING,
    });
    // Two identical lines on one day are two deposits, not one.
    const first = europeanBankCsv([line(2, 10_000), line(2, 10_000), line(3, 25_050)]);
    expect(
      await importBankStatement(database.prisma, { bankAccountId: id, format: "csv", content: first }),
    ).toMatchObject({ alreadyImported: false, linesRead: 3, linesAdded: 3 });
    expect(
      await importBankStatement(database.prisma, { bankAccountId: id, format: "csv", content: first }),
    ).toMatchObject({ alreadyImported: true, linesAdded: 0 });
    const overlapping = europeanBankCsv([line(2, 10_000), line(2, 10_000), line(3, 25_050), line(4, 700)]);
    expect(
      await importBankStatement(database.prisma, { bankAccountId: id, format: "csv", content: overlapping }),
    ).toMatchObject({ alreadyImported: false, linesRead: 4, linesAdded: 1 });
    const stored = await database.prisma.bankStatementLine.findMany({ where: { bankAccountId: id } });
    expect(stored.map((l) => Number(l.amountMinor)).sort((a, b) => a - b)).toEqual([700, 10_000, 10_000, 25_050]);
    expect(await database.prisma.bankStatementImport.count({ where: { bankAccountId: id } })).toBe(2);
  });

  it("imports camt.053 keyed by the bank's entry reference, and previews without storing", async () => {
    const { id } = await saveBankAccount(database.prisma, { name: "camt account", currency: "EUR" });
    const preview = await parseBankStatement(database.prisma, {
      bankAccountId: id,
      format: "camt053",
      content: CAMT053,
    });
    expect(preview).toHaveLength(2);
    expect(await database.prisma.bankStatementLine.count({ where: { bankAccountId: id } })).toBe(0);
    expect(
      await importBankStatement(database.prisma, { bankAccountId: id, format: "camt053", content: CAMT053 }),
    ).toMatchObject({ linesAdded: 2 });
    // The next day's statement repeats the entry with the same bank reference, reformatted.
    const repeated = CAMT053.replace("STMT-2026-11-03", "STMT-2026-11-04");
    expect(
      await importBankStatement(database.prisma, { bankAccountId: id, format: "camt053", content: repeated }),
    ).toMatchObject({ alreadyImported: false, linesAdded: 0 });
  });

  it("refuses a file it cannot take, with the reason, and stores nothing", async () => {
    const { id } = await saveBankAccount(database.prisma, { name: "USD account", currency: "USD" });
    const before = await database.prisma.bankStatementImport.count();
    await expect(
      importBankStatement(database.prisma, { bankAccountId: id, format: "camt053", content: CAMT053 }),
    ).rejects.toThrow(/line in EUR; bank account "USD account" is in USD/);
    await expect(
      importBankStatement(database.prisma, { bankAccountId: id, format: "csv", content: "a,b\n1,2" }),
    ).rejects.toThrow(/has no CSV column mapping/);
    await expect(
      importBankStatement(database.prisma, {
        bankAccountId: "00000000-0000-4000-8000-000000000000",
        format: "csv",
        content: "",
      }),
    ).rejects.toThrow(/No such bank account/);
    expect(await database.prisma.bankStatementImport.count()).toBe(before);
  });
});
