// HTTP status codes the web application reacts to, named once. Compare an
// ApiError's `status` with these, never with a bare number.

export const HttpStatus = {
  /** No answer at all (network down, server unreachable): set by the client. */
  network: 0,
  noContent: 204,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  /** If-Match named a version that is no longer current (someone else wrote since). */
  preconditionFailed: 412,
  unprocessable: 422,
  tooManyRequests: 429,
} as const;
