import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { invalidParam, missingParam, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import type { UploadedPart } from "../http/multipart";
import { requiredString } from "../http/params";

const MB = 1024 * 1024;

/**
 * What each purpose takes, from Stripe's file upload guide. The sandbox models dispute evidence
 * (PDF, JPEG or PNG, at most 5 MB, kept nine months) and refuses other purposes.
 */
export const FILE_PURPOSES = {
  dispute_evidence: { types: ["pdf", "jpg", "png"], maxBytes: 5 * MB, expiresAfterSeconds: 274 * 86_400 },
} as const;

type FileType = "pdf" | "jpg" | "png";

/** Stripe reads a file's type from its bytes, not from the name or the part's Content-Type. */
export function sniffFileType(data: Buffer): FileType | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpg";
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  return null;
}

/** POST /v1/files (multipart/form-data with `purpose` and `file`). */
export function createFile(sb: Sandbox, params: Params, files: UploadedPart[]): Stripe.File {
  const purpose = requiredString(params, "purpose");
  if (!Object.hasOwn(FILE_PURPOSES, purpose)) {
    throw invalidParam(
      "purpose",
      `Invalid purpose: ${purpose}. The sandbox takes ${Object.keys(FILE_PURPOSES).join(", ")}.`,
    );
  }
  const rules = FILE_PURPOSES[purpose as keyof typeof FILE_PURPOSES];
  const upload = files.find((part) => part.field === "file");
  if (!upload) throw missingParam("file");
  if (upload.data.length === 0) throw invalidParam("file", "The file you uploaded is empty.");
  if (upload.data.length > rules.maxBytes) {
    throw invalidParam(
      "file",
      `The file you uploaded is ${upload.data.length} bytes; files for purpose ${purpose} may be at most ${rules.maxBytes} bytes (${rules.maxBytes / MB} MB).`,
    );
  }
  const type = sniffFileType(upload.data);
  if (!type || !(rules.types as readonly string[]).includes(type)) {
    throw invalidParam(
      "file",
      `The file you uploaded is not a supported type for purpose ${purpose}; upload a PDF, JPEG or PNG file.`,
    );
  }
  const created = sb.now();
  const id = newId("file");
  const file: Stripe.File = {
    id,
    object: "file",
    created,
    expires_at: created + rules.expiresAfterSeconds,
    filename: upload.filename || "file",
    links: { object: "list", data: [], has_more: false, url: `/v1/file_links?file=${id}` },
    purpose: purpose as Stripe.File.Purpose,
    size: upload.data.length,
    title: null,
    type,
    // The sandbox checks the bytes and keeps only the object, so there is nothing to download.
    url: null,
  };
  sb.state.files[id] = file;
  sb.touch();
  return file;
}

export function retrieveFile(sb: Sandbox, id: string): Stripe.File {
  const file = sb.state.files[id];
  if (!file) throw resourceMissing("file", id);
  return file;
}
