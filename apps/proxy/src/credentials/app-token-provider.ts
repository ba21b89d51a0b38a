import { X509Certificate } from "node:crypto";
import { ConfidentialClientApplication, type NodeAuthOptions } from "@azure/msal-node";
import type { ProxyLogger } from "../observability/logger.js";
import { isErrorClass, LroError } from "@lro/core";

/** App-only Graph credentials: the client-credentials flow of one application in one tenant. */
export interface GraphAppCredentials {
  tenantId: string;
  clientId: string;
  /** The sign-in host, `https://login.microsoftonline.com` (or a national cloud's, or a test's). */
  authorityHost: URL;
  /** `https://graph.microsoft.com/.default` for Graph. */
  scope: string;
  clientSecret?: string;
  /** PEM text holding the application's private key and its certificate. */
  certificatePem?: string;
}

/**
 * The proxy's own Graph token, got with the client-credentials flow, so that no operation ever waits for
 * a client to bring one. `current()` is synchronous (a poll asks it): the token is renewed ahead of its
 * expiry in the background, and at once when a monitor refused it.
 */
export interface AppTokenProvider {
  /** `Bearer <token>` while a token is valid; undefined before the first or after a failed renewal ran out. */
  current(): string | undefined;
  /** Gets the first token; rejects with the sign-in service's reason when it cannot. */
  start(): Promise<void>;
  /** A monitor refused `refused`: a new token (the cache skipped), or undefined when none could be had. */
  renew(refused: string): Promise<string | undefined>;
  close(): void;
}

export interface AppTokenProviderOptions {
  logger: ProxyLogger;
  /** Tells the time (epoch ms). Default `Date`. */
  clock?: { now(): number };
}

/** Renewal starts this long before expiry. */
const renewAheadMs = 5 * 60_000;

export function createAppTokenProvider(
  credentials: GraphAppCredentials,
  options: AppTokenProviderOptions,
): AppTokenProvider {
  const { logger } = options;
  const clock = options.clock ?? Date;
  const authority = new URL(encodeURIComponent(credentials.tenantId), credentials.authorityHost).href;
  const application = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      authority,
      // The host is the operator's choice: no instance discovery against Microsoft's public cloud first.
      knownAuthorities: [credentials.authorityHost.host],
      ...secretOrCertificate(credentials),
    },
  });
  let token: { value: string; expiresAt: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let failures = 0;

  const acquire = async (skipCache: boolean): Promise<string> => {
    const result = await application.acquireTokenByClientCredential({
      scopes: [credentials.scope],
      skipCache,
    });
    if (result === null || result.accessToken === "") throw new Error("the sign-in service gave no token");
    const expiresAt = result.expiresOn?.getTime() ?? clock.now() + 3_600_000;
    token = { value: `Bearer ${result.accessToken}`, expiresAt };
    failures = 0;
    schedule(Math.max(1000, expiresAt - clock.now() - renewAheadMs));
    return token.value;
  };
  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(() => {
      acquire(true).catch((error: unknown) => {
        failures += 1;
        logger.warn(
          { err: error, failures },
          "could not renew the app-only Graph token; trying again (the current one serves until it expires)",
        );
        schedule(Math.min(60_000, 1000 * 2 ** failures));
      });
    }, delayMs);
    timer.unref();
  };

  return {
    current() {
      return token !== undefined && token.expiresAt > clock.now() ? token.value : undefined;
    },
    async start() {
      await acquire(false);
      logger.info(
        { tenant: credentials.tenantId, clientId: credentials.clientId, scope: credentials.scope },
        "app-only Graph credentials: the proxy polls with its own token",
      );
    },
    async renew(refused) {
      if (token !== undefined && token.value !== refused && token.expiresAt > clock.now()) return token.value;
      try {
        return await acquire(true);
      } catch (error) {
        logger.warn({ err: error }, "could not renew the app-only Graph token a monitor refused");
        return undefined;
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

function secretOrCertificate(credentials: GraphAppCredentials): Partial<NodeAuthOptions> {
  if (credentials.clientSecret !== undefined) return { clientSecret: credentials.clientSecret };
  const pem = credentials.certificatePem ?? "";
  const privateKey =
    /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (privateKey === undefined || certificate === undefined) {
    throw new AppCredentialsError(
      "the certificate file must hold the application's private key and its certificate, both in PEM",
    );
  }
  const thumbprintSha256 = new X509Certificate(certificate).fingerprint256.replaceAll(":", "");
  return { clientCertificate: { thumbprintSha256, privateKey, x5c: certificate } };
}

/** App-only credentials that cannot be used as given. */
export class AppCredentialsError extends LroError {
  readonly code = "appCredentials";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  static override isInstance = isErrorClass<AppCredentialsError>("AppCredentialsError");
}
