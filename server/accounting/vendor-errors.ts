/** The target refused the request for good (a 400 validation fault): sending it again cannot help. */
export class VendorRejectedError extends Error {
  override name = "VendorRejectedError";
}

/** The target could not be reached or failed (5xx, timeout, 429 beyond what a wait covers): try later. */
export class VendorUnavailableError extends Error {
  override name = "VendorUnavailableError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The vendor refused the refresh token: the connection must be authorised again. */
export class ConnectionRevokedError extends Error {
  override name = "ConnectionRevokedError";
}
