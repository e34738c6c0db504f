import { describe, expect, it } from "vitest";
import { EVIDENCE_FILE_MAX_BYTES, evidenceFileProblem, evidenceFileType } from "./evidence-file-rules";

const pdfHead = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34];

describe("evidence file rules", () => {
  it("reads PDF, JPEG and PNG from the bytes, whatever the file is called", () => {
    expect(evidenceFileType(new Uint8Array(pdfHead))).toBe("pdf");
    expect(evidenceFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe1]))).toBe("jpg");
    expect(evidenceFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(evidenceFileType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });

  it("takes a file of exactly 5 MB and refuses one byte more, an empty file and a wrong type", () => {
    const atLimit = new Uint8Array(EVIDENCE_FILE_MAX_BYTES);
    atLimit.set(pdfHead);
    expect(evidenceFileProblem(atLimit)).toBeNull();
    const over = new Uint8Array(EVIDENCE_FILE_MAX_BYTES + 1);
    over.set(pdfHead);
    expect(evidenceFileProblem(over)).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringContaining("5 MB"),
    });
    expect(evidenceFileProblem(new Uint8Array())).toMatchObject({ code: "BAD_REQUEST" });
    expect(evidenceFileProblem(new TextEncoder().encode("hello"))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("PDF, JPEG or PNG"),
    });
  });
});
