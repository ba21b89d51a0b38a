import type { IncomingHttpHeaders } from "node:http";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

/** An answer as the checker reads it. */
export interface CheckedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const documentId = "https://lro-proxy.invalid/openapi.json";

/**
 * Checks real answers against an OpenAPI 3.1 document: the operation's response for the status must exist,
 * its content type must be one the response declares, the body must match the media type's schema (Ajv,
 * JSON Schema 2020-12, formats checked), every required header must be there and every declared header that
 * is there must match its schema. `problems` lists what does not match, empty when the answer conforms.
 */
export function createResponseChecker(document: Json) {
  const components = document.components as Json;
  // One schema resource that holds every component schema; the document's refs point into it.
  const definitions = JSON.parse(
    JSON.stringify(components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
  ) as Json;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: documentId, $defs: definitions });
  const validators = new Map<string, ValidateFunction>();

  const resolve = (value: unknown): Json => {
    let current = value as Json;
    while (typeof current.$ref === "string") {
      const [, group, name] = /^#\/components\/(\w+)\/(.+)$/.exec(current.$ref) ?? [];
      current = (components[group ?? ""] as Json | undefined)?.[name ?? ""] as Json;
      if (current === undefined) throw new Error(`unresolved reference ${JSON.stringify(value)}`);
    }
    return current;
  };

  const validatorOf = (schema: Json): ValidateFunction => {
    const text = JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${documentId}#/$defs/`);
    let validate = validators.get(text);
    if (validate === undefined) {
      validate = ajv.compile(JSON.parse(text) as Json);
      validators.set(text, validate);
    }
    return validate;
  };

  /** What does not conform in a value checked against a schema (`where` names it in the messages). */
  const schemaProblems = (schema: Json, value: unknown, where: string): string[] => {
    const validate = validatorOf(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${where}${error.instancePath} ${error.message ?? ""}`);
  };

  /** The response the document declares for an operation and status (or the component response named). */
  const responseOf = (method: string, path: string, status: number): Json | undefined => {
    const pathItem = (document.paths as Json)[path] as Json | undefined;
    const operation = pathItem?.[method.toLowerCase()] as Json | undefined;
    const responses = operation?.responses as Json | undefined;
    const response = responses?.[String(status)] ?? responses?.default;
    return response === undefined ? undefined : resolve(response);
  };

  function problemsOfResponse(response: Json, answer: CheckedAnswer, where: string): string[] {
    const problems: string[] = [];
    for (const [name, declared] of Object.entries((response.headers as Json | undefined) ?? {})) {
      const headerObject = resolve(declared);
      const value = answer.headers[name.toLowerCase()];
      if (value === undefined) {
        if (headerObject.required === true) problems.push(`${where}: header ${name} is required`);
        continue;
      }
      problems.push(...schemaProblems(headerObject.schema as Json, value, `${where}: header ${name}`));
    }
    const content = response.content as Json | undefined;
    const type =
      String(answer.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim() ?? "";
    if (content === undefined) {
      if (answer.body.length > 0) problems.push(`${where}: a body where the document declares none`);
      return problems;
    }
    const media = content[type] as Json | undefined;
    if (media === undefined) {
      problems.push(
        `${where}: content type ${JSON.stringify(type)} is not one of ${Object.keys(content).join(", ")}`,
      );
      return problems;
    }
    const schema = media.schema as Json;
    const body = type.endsWith("json")
      ? (JSON.parse(answer.body.toString()) as unknown)
      : answer.body.toString();
    problems.push(...schemaProblems(schema, body, `${where}: body`));
    return problems;
  }

  return {
    /** What does not conform in an answer to `method path` (`path` as the document writes it). */
    problems(method: string, path: string, answer: CheckedAnswer): string[] {
      const where = `${method.toUpperCase()} ${path} ${answer.status}`;
      const response = responseOf(method, path, answer.status);
      if (response === undefined) return [`${where}: the document declares no such response`];
      return problemsOfResponse(response, answer, where);
    },
    /** The same, against a response of `components.responses` (answers to methods a path does not declare). */
    problemsAsComponent(name: string, answer: CheckedAnswer): string[] {
      return problemsOfResponse(
        resolve({ $ref: `#/components/responses/${name}` }),
        answer,
        `${name} ${answer.status}`,
      );
    },
    /** What does not conform in a value checked against a component schema. */
    problemsOfValue(schemaId: string, value: unknown): string[] {
      return schemaProblems({ $ref: `#/components/schemas/${schemaId}` }, value, schemaId);
    },
    /** The media type object an operation's response declares for a content type. */
    mediaType(method: string, path: string, status: number, type: string): Json | undefined {
      return (responseOf(method, path, status)?.content as Json | undefined)?.[type] as Json | undefined;
    },
  };
}
export type ResponseChecker = ReturnType<typeof createResponseChecker>;
