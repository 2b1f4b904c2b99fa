import { z } from "zod";

/**
 * The API description is built from the same zod schemas the routes validate
 * with: each route file registers its operations here next to its handlers.
 */
export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/bookings/{reference} */
  path: string;
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the Idempotency-Key header is required. */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const operations: Operation[] = [];

export function documented(op: Operation): Operation {
  operations.push(op);
  return op;
}

/**
 * The dashboard routers' operations differ only in method, path and summary:
 * each answers 200, 401 without a session, and 404 alike for an unknown row and
 * one outside the account's scope (`notFound` words it for the router).
 */
export function documentedDashboard(
  tag: string,
  notFound: string,
  list: ReadonlyArray<readonly [method: Operation["method"], path: string, summary: string]>,
): void {
  for (const [method, path, summary] of list) {
    documented({
      method,
      path,
      summary,
      tags: [tag],
      responses: {
        200: { description: "Done" },
        401: { description: "Not signed in" },
        404: { description: notFound },
      },
    });
  }
}

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" });
}

function parameters(op: Operation) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["query", op.query],
    ["path", op.params],
  ] as const) {
    if (!schema) continue;
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      out.push({
        name,
        in: where,
        required: where === "path" || !field.safeParse(undefined).success,
        schema: jsonSchema(field, "input"),
      });
    }
  }
  if (op.idempotent) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      schema: { type: "string", minLength: 8, maxLength: 128 },
      description: "A replay returns the first response; the same key with another body is refused with 422.",
    });
  }
  return out;
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: { field: { type: "string" }, message: { type: "string" } },
      },
    },
    challenge: {
      type: "object",
      description: `Only with type /api/problems/challenge-required (status 429): too many writes came from this address or phone. Find a decimal number n such that the SHA-256 of the token, a colon and n (as decimal text) starts with difficulty zero bits, and send the same request again with the members challenge (the token) and challengeSolution (n) in its JSON body or form fields. A token is good for one write, from the address it was given to, until expiresAt. An HTML form may instead send the token alone after waitSeconds. Past the hard limit the type is /api/problems/too-many-requests, with Retry-After.`,
      required: ["token", "algorithm", "difficulty", "waitSeconds", "expiresAt"],
      properties: {
        token: { type: "string" },
        algorithm: { type: "string", enum: ["SHA-256"] },
        difficulty: { type: "integer", minimum: 1 },
        waitSeconds: { type: "integer" },
        expiresAt: { type: "string", format: "date-time" },
      },
    },
  },
};

export function openApiDocument(info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(op.responses)) {
      const isProblem = Number(status) >= 400;
      responses[status] = {
        description: res.description,
        ...(res.schema || isProblem
          ? {
              content: isProblem
                ? { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } }
                : { "application/json": { schema: jsonSchema(res.schema as z.ZodType, "output") } },
            }
          : {}),
      };
    }
    paths[op.path] ??= {};
    const entry = paths[op.path] as Record<string, unknown>;
    entry[op.method] = {
      summary: op.summary,
      tags: op.tags,
      parameters: parameters(op),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info,
    servers: [{ url: "/" }],
    paths,
    components: { schemas: { Problem: problemSchema } },
  };
}
