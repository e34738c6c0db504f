/**
 * What the sign-in page shows for every refusal (next-auth passes an authorize() error's message
 * through). One message whatever the cause, so it cannot tell a real account from an unknown one.
 */
export const SIGN_IN_REFUSED =
  "Wrong email or password. After several failed attempts the account pauses sign-in for a few minutes.";

/** Sent only after the right password, for an account with two-factor sign-in: the form then asks for the code. */
export const TWO_FACTOR_CODE_NEEDED = "Enter the 6-digit code from your authenticator app, or a recovery code.";
