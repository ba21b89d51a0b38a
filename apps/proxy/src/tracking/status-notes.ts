/** The proxy's own status details, shown as `statusDetail` while polling is suspended. */
export const statusNotes = {
  awaitingToken:
    "Waiting for the owner's next request to bring a token: the monitor needs the caller's Graph token, " +
    "which the proxy keeps in memory only and lost when it restarted. Any request through the proxy with " +
    "an Authorization header resumes polling.",
  tokenRefused:
    "Waiting for the owner's next request to bring a token: the monitor refused the last one (expired or " +
    "revoked). Any request through the proxy with a fresh Authorization header resumes polling.",
  deadlineExceeded:
    "The proxy stopped following this operation: it had not ended by its deadline (--operation-deadline after " +
    "it was adopted). The status is the monitor's last answer, not an end; ask the monitor itself, or adopt " +
    "it again, to follow it further.",
} as const;
