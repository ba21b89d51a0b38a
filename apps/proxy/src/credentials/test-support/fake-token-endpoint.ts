import { randomUUID, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { decodeProtectedHeader, jwtVerify } from "jose";

const here = import.meta.dirname;
/** The TLS certificate the fake serves with (CN and SAN 127.0.0.1): trust it with NODE_EXTRA_CA_CERTS. */
export const fakeTlsCertificatePath = join(here, "tls-cert.pem");
/** A PEM with an application's private key and certificate, for certificate credentials. */
export const appCredentialPath = join(here, "app-credential.pem");

export interface FakeTokenEndpoint {
  /** `https://127.0.0.1:<port>`: the authority host. */
  url: string;
  /** Every access token issued so far, newest last. */
  issued: string[];
  /** Token requests refused (a bad secret or assertion). */
  refused: number;
  close(): Promise<void>;
}

export interface FakeTokenEndpointOptions {
  tenant: string;
  clientId: string;
  /** The secret a client must present; or the certificate whose key must sign its assertion. */
  clientSecret?: string;
  certificatePem?: string;
  /** Lifetime of issued tokens in seconds. Default 3600. */
  expiresInSeconds?: number;
}

/**
 * A local stand-in for Microsoft Entra's v2.0 endpoints, as the client-credentials flow uses them: the
 * OpenID configuration and the token endpoint, over HTTPS (MSAL accepts no other). It checks the client
 * secret, or the signature of a certificate client assertion, and issues opaque access tokens.
 */
export async function startFakeTokenEndpoint(options: FakeTokenEndpointOptions): Promise<FakeTokenEndpoint> {
  const issued: string[] = [];
  let refused = 0;
  let url = "";
  const certificateKey =
    options.certificatePem === undefined
      ? undefined
      : new X509Certificate(
          /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(options.certificatePem)![0],
        ).publicKey;
  const server: Server = createServer(
    { cert: readFileSync(fakeTlsCertificatePath), key: readFileSync(join(here, "tls-key.pem")) },
    (request, response) => {
      const path = new URL(request.url ?? "/", url).pathname;
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const base = `${url}/${options.tenant}`;
      if (request.method === "GET" && path === `/${options.tenant}/v2.0/.well-known/openid-configuration`) {
        return json(200, {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ["code", "token"],
          subject_types_supported: ["pairwise"],
          id_token_signing_alg_values_supported: ["RS256"],
        });
      }
      if (request.method === "POST" && path === `/${options.tenant}/oauth2/v2.0/token`) {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString());
          void verify(form).then((ok) => {
            if (!ok) {
              refused += 1;
              return json(401, {
                error: "invalid_client",
                error_description: "AADSTS7000215: Invalid client secret provided.",
              });
            }
            const token = `app-token-${randomUUID()}`;
            issued.push(token);
            return json(200, {
              token_type: "Bearer",
              expires_in: options.expiresInSeconds ?? 3600,
              ext_expires_in: options.expiresInSeconds ?? 3600,
              access_token: token,
            });
          });
        });
        return;
      }
      json(404, { error: "not_found" });
    },
  );

  async function verify(form: URLSearchParams): Promise<boolean> {
    if (form.get("grant_type") !== "client_credentials" || form.get("client_id") !== options.clientId)
      return false;
    if (options.clientSecret !== undefined) return form.get("client_secret") === options.clientSecret;
    const assertion = form.get("client_assertion");
    if (certificateKey === undefined || assertion === null) return false;
    try {
      decodeProtectedHeader(assertion);
      const { payload } = await jwtVerify(assertion, certificateKey, {
        issuer: options.clientId,
        subject: options.clientId,
        // MSAL rounds its timestamps to the nearest second (nbf may be up to half a second ahead); Entra
        // allows clock skew too.
        clockTolerance: 5,
      });
      return typeof payload.aud === "string" && payload.aud.endsWith("/oauth2/v2.0/token");
    } catch {
      return false;
    }
  }

  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    issued,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
