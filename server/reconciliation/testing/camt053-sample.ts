// Test support: a camt.053.001.08 statement with a payout credit, a fee debit and a pending entry.
export const CAMT053 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-2026-11-03</MsgId><CreDtTm>2026-11-04T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-11-03-EUR</Id>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">1234.50</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-03</Dt></BookgDt>
        <AcctSvcrRef>BANKREF-0001</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>TRACE0000000001</EndToEndId></Refs>
          <RmtInf><Ustrd>STRIPE PAYOUT</Ustrd><Ustrd>po_1abc</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
        <AddtlNtryInf>STRIPE PAYMENTS EUROPE &amp; CO</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">15.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2026-11-03T10:00:00</DtTm></BookgDt>
        <AddtlNtryInf>Account fee</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">99.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <BookgDt><Dt>2026-11-04</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
