import { invalidRequest } from "./errors";
import { type Params, parseForm } from "./form";

/** One file part of a multipart/form-data body. */
export interface UploadedPart {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  params: Params;
  files: UploadedPart[];
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw invalidRequest("Invalid multipart/form-data body: the Content-Type names no boundary.");
  return boundary;
}

function headerValue(headers: string, name: string): string | undefined {
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

/**
 * Splits a multipart/form-data body as Stripe's files host reads it: text parts become params
 * (nested names such as `file_link_data[create]` included), file parts keep their bytes.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const fields = new URLSearchParams();
  const files: UploadedPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor === -1) throw invalidRequest("Invalid multipart/form-data body: no part found.");
  while (cursor !== -1) {
    const start = cursor + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw invalidRequest("Invalid multipart/form-data body: the closing boundary is missing.");
    // A part is CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split === -1) throw invalidRequest("Invalid multipart/form-data body: a part has no headers.");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const disposition = headerValue(headers, "content-disposition") ?? "";
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (!name) throw invalidRequest("Invalid multipart/form-data body: a part has no name.");
    const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
    if (filename === undefined) fields.append(name, content.toString("utf8"));
    else {
      files.push({
        field: name,
        filename,
        contentType: headerValue(headers, "content-type") ?? "application/octet-stream",
        data: Buffer.from(content),
      });
    }
    cursor = next;
  }
  return { params: parseForm(fields.toString()), files };
}
