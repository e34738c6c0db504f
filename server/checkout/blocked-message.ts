/** What a customer reads when the fraud checks refuse a checkout: neutral, naming no rule or reason. */
export const BLOCKED_MESSAGE =
  "We can't accept this order online. Please contact us and we'll help you complete your purchase.";
