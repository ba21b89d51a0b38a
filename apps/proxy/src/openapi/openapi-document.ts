import { componentSchemas, type JsonSchema } from "./component-schemas.js";
import { headers, parameters, proxySecurity, responses, securitySchemes } from "./openapi-components.js";
import { operationsPaths } from "./operations-paths.js";
import { batchPaths, servicePaths } from "./service-paths.js";

export interface OpenApiDocumentOptions {
  /** The forwarding prefixes (`/v1.0`, `/beta`): the operations resource is served under each too. */
  prefixes: readonly string[];
  /**
   * The base of the servers: the proxy's public URL as it writes its links (scheme, host, any path, no
   * trailing slash), or `""` for addresses relative to the document (the committed copy).
   */
  base: string;
  /** lro-proxy's version. */
  version: string;
}

const description = `lro-proxy in front of Microsoft Graph: every request under a forwarding prefix (\`/v1.0\`, \`/beta\`) is forwarded upstream as it came and answered with the upstream's answer, except a \`202\` that names a monitor (\`Operation-Location\`, else \`Location\`). That operation is taken over and answered \`202\` with the proxy's operation (\`Operation\`), \`Location\` and \`Operation-Location\` naming it (absolute, under the public URL), \`Retry-After\`, and the upstream's own headers kept: \`Upstream-Location\` (the monitor), \`Upstream-Request-Id\` (its \`request-id\`), \`Content-Location\`, \`client-request-id\`, \`x-ms-ags-diagnostic\`. Graph JSON batches (\`/$batch\`) are taken over inner \`202\` by inner \`202\`.

The proxy's own answers carry \`request-id\` (its own), \`client-request-id\` (echoed) and Graph's error envelope (\`ErrorResponse\`) on every error.`;

/**
 * The proxy's OpenAPI 3.1 document: its schemas converted from the zod schemas it serves and reads, every
 * route of the operations resource (served at the top level and under each prefix), the events streams,
 * JSON batching, the open endpoints, the headers, the error envelope and the credentials.
 */
export function createOpenApiDocument(options: OpenApiDocumentOptions): Record<string, unknown> {
  const top = { url: options.base === "" ? "/" : options.base, description: "The proxy" };
  const prefixed = options.prefixes.map((prefix) => ({
    url: `${options.base}${prefix}`,
    description: `Under the forwarding prefix ${prefix}, where a Graph SDK client's links resolve`,
  }));
  return {
    openapi: "3.1.1",
    info: {
      title: "lro-proxy",
      version: options.version,
      summary: "Microsoft Graph long-running operations, taken over and served as the proxy's own resource.",
      description,
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [top],
    security: proxySecurity,
    tags: [
      { name: "operations", description: "The operations the proxy follows for the caller." },
      { name: "events", description: "Server-Sent Events of the caller's operations." },
      { name: "forwarding", description: "Requests forwarded to Microsoft Graph." },
      { name: "service", description: "Health, metrics and this document: no credentials needed." },
    ],
    paths: {
      ...operationsPaths([top, ...prefixed]),
      ...(prefixed.length === 0 ? {} : batchPaths(prefixed)),
      ...servicePaths(),
    },
    components: {
      schemas: componentSchemas() satisfies Record<string, JsonSchema>,
      responses,
      parameters,
      headers,
      securitySchemes,
    },
  };
}
