/** One HTTP request, as the poller sends it. */
export interface TransportRequest {
  method: string;
  url: URL;
  /**
   * Header names as given; the transport sends them as they are. The poll loop hands the same object to
   * each of its polls while the headers stay the same: read it, never change it.
   */
  headers: Readonly<Record<string, string>>;
  body?: string | Uint8Array | undefined;
  /**
   * Aborts the request. The poll loop sends all the polls of one subscription under one signal, aborted
   * when the subscription stops with a request in flight: whatever a request adds to the signal (an abort
   * listener) it removes when it settles.
   */
  signal?: AbortSignal | undefined;
}

/** One HTTP answer, body read in full (monitor answers are small). Redirects are never followed. */
export interface TransportResponse {
  status: number;
  /** Header names in lower case; a repeated header's values joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * How the poller speaks HTTP: injectable, so tests and callers may bring their own. `request` rejects
 * only when no answer came (connection refused or dropped, timeout, abort); any status resolves.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Closes idle connections; the transport must not be used afterwards. */
  close(): Promise<void>;
}
