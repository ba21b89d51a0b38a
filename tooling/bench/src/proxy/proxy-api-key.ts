/** The benchmark client's API key (a throwaway value: the proxy runs on 127.0.0.1 for the run only). */
export const proxyApiKey = "bench-key-0123456789abcdef0123456789";
