import { hash } from "node:crypto";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { ProxyConfig } from "../config.js";
import { AuthenticationError } from "../http-errors/authentication-error.js";

/** Who is calling the proxy; every operation belongs to the `id` that created it. */
export interface Identity {
  id: string;
  /** `stream-token`: a browser's event stream of one operation, let in by a token its owner minted. */
  method: "api-key" | "jwt" | "stream-token";
}

/** The credentials a client presents to the proxy (never its `Authorization`: that is its Graph token). */
export interface ProxyCredentials {
  apiKey?: string | undefined;
  /** The value of `Proxy-Authorization`. */
  proxyAuthorization?: string | undefined;
}

export interface Identities {
  authenticate(credentials: ProxyCredentials): Promise<Identity>;
  /**
   * The same decision, answered at once (or thrown) when no I/O is needed (an API key), else as a promise
   * (a JWT, whose key set may be fetched): requests with a key then go on without waiting a turn.
   */
  identify?(credentials: ProxyCredentials): Identity | Promise<Identity>;
}

export interface IdentitiesOptions {
  /** The key set JWTs are verified against; by default fetched (and cached) from the configured JWKS URL. */
  keySet?: JWTVerifyGetKey;
}

/** Signatures a JWKS can verify with a public key: never `none`, never a shared-secret HMAC. */
const asymmetricAlgorithms = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];

const challenge = "Send X-API-Key: <key> or Proxy-Authorization: Bearer <JWT>.";

/**
 * Authenticates clients with API keys (looked up by their SHA-256 digests; the keys themselves are not
 * kept) and/or JWTs verified against a JWKS with issuer and audience checks.
 */
export function createIdentities(
  config: Pick<ProxyConfig, "authentication">,
  options: IdentitiesOptions = {},
): Identities {
  const { apiKeys, jwt } = config.authentication;
  const keySet = jwt === undefined ? undefined : (options.keySet ?? createRemoteJWKSet(jwt.jwksUrl));

  // Looked up by the SHA-256 digest of the presented key: the lookup's timing depends on the digest, which
  // tells nothing about how close a guess came to a key. The first key configured wins a duplicate.
  const byDigest = new Map<string, Identity>();
  for (const candidate of apiKeys) {
    const digest = candidate.digest.toString("hex");
    if (!byDigest.has(digest)) byDigest.set(digest, { id: candidate.identity, method: "api-key" });
  }
  const byApiKey = (key: string): Identity => {
    const identity = byDigest.get(hash("sha256", key, "hex"));
    if (identity === undefined) throw new AuthenticationError(`The API key is not valid. ${challenge}`);
    return { ...identity };
  };

  const byJwt = async (token: string): Promise<Identity> => {
    if (jwt === undefined || keySet === undefined) {
      throw new AuthenticationError(`This proxy does not accept JWTs. Send X-API-Key: <key>.`);
    }
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: jwt.issuer,
        audience: jwt.audience,
        algorithms: asymmetricAlgorithms,
        // A token without an expiry would be valid forever.
        requiredClaims: ["exp"],
      });
      if (typeof payload.sub !== "string" || payload.sub === "") {
        throw new AuthenticationError("The JWT has no subject (sub) to own operations by.");
      }
      return { id: `jwt-${payload.sub}`, method: "jwt" };
    } catch (error) {
      if (AuthenticationError.isInstance(error)) throw error;
      throw new AuthenticationError(`The JWT is not accepted: ${describeJwtError(error)}. ${challenge}`, {
        cause: error,
      });
    }
  };

  const identify = ({ apiKey, proxyAuthorization }: ProxyCredentials): Identity | Promise<Identity> => {
    if (apiKey !== undefined && apiKey !== "") {
      if (apiKeys.length === 0)
        throw new AuthenticationError("This proxy does not accept API keys. Send a JWT.");
      return byApiKey(apiKey);
    }
    if (proxyAuthorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(proxyAuthorization);
      if (match?.[1] === undefined) {
        throw new AuthenticationError(`Proxy-Authorization must be "Bearer <JWT>". ${challenge}`);
      }
      return byJwt(match[1]);
    }
    throw new AuthenticationError(`The request carries no credentials for the proxy. ${challenge}`);
  };
  return {
    identify,
    async authenticate(credentials) {
      return identify(credentials);
    },
  };
}

function describeJwtError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "it has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `claim "${error.claim}" is not valid (${error.reason})`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "its signature does not verify";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "no key of the key set matches it";
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JOSEError) {
    return (error as Error).message;
  }
  return "it is malformed";
}
