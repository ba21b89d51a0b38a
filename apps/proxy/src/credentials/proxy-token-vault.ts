import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ProxyConfig } from "../config.js";
import type { ProxyLogger } from "../observability/logger.js";
import { createTokenVault, type TokenVault } from "../tracking/token-vault.js";
import { StartupError } from "../lifecycle/startup-failure.js";
import { createAppTokenProvider, type AppTokenProvider } from "./app-token-provider.js";
import { openTokenVaultFile } from "./token-vault-file.js";

/** The vault file in the data directory. */
export const tokenVaultFileName = "tokens.vault";

/**
 * The token vault the configuration asks for: callers' tokens in `<data-dir>/tokens.vault` encrypted
 * with `--token-vault-key` (else memory only, with a warning), and the proxy's own token from app-only
 * credentials as the fallback (its first token is got here: start-up fails, saying why, when it cannot).
 */
export async function createProxyTokenVault(
  config: Pick<ProxyConfig, "dataDir" | "graphCredentials" | "tokenVaultKey">,
  logger: ProxyLogger,
): Promise<{ vault: TokenVault; appTokens?: AppTokenProvider }> {
  let appTokens: AppTokenProvider | undefined;
  if (config.graphCredentials !== undefined) {
    appTokens = createAppTokenProvider(config.graphCredentials, { logger });
    try {
      await appTokens.start();
    } catch (error) {
      appTokens.close();
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      throw new StartupError(
        `no Graph token could be got with the app-only credentials from ${config.graphCredentials.authorityHost.origin} (${reason}): check --graph-tenant-id, --graph-client-id and the secret or certificate, and that the application has Graph's application permissions`,
        { cause: error },
      );
    }
  }
  if (config.tokenVaultKey === undefined) {
    logger.warn(
      appTokens === undefined
        ? "no --token-vault-key (LRO_PROXY_TOKEN_VAULT_KEY): callers' Graph tokens are kept in memory only; after a restart, operations whose monitor needs one wait for their owner's next request"
        : "no --token-vault-key (LRO_PROXY_TOKEN_VAULT_KEY): callers' Graph tokens are kept in memory only; after a restart, operations poll with the app-only credentials",
    );
    return { vault: createTokenVault(appTokens === undefined ? {} : { fallback: appTokens }), appTokens };
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const persistence = openTokenVaultFile({
    path: join(config.dataDir, tokenVaultFileName),
    key: config.tokenVaultKey,
    logger,
  });
  return {
    vault: createTokenVault({ persistence, ...(appTokens === undefined ? {} : { fallback: appTokens }) }),
    appTokens,
  };
}
