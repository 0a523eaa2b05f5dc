// The OpenAPI 3.1 document of the /v1 API, built from the same zod schemas the routes parse with.
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const errorBodySchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }).passthrough(),
    requestId: z.string().optional(),
  })
  .openapi('Error');

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'platformKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Platform-Key',
    description: 'Shared service key of the calling system (the BFF).',
  });
  return registry;
}

/** Standard error responses every /v1 operation can give. */
export function errorResponses(extra: Record<number, string> = {}) {
  const describe = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorBodySchema } },
  });
  const responses: Record<number, ReturnType<typeof describe>> = {
    400: describe('Malformed input (INVALID_REQUEST, INVALID_JSON)'),
    401: describe('Missing or wrong X-Platform-Key (PLATFORM_UNAUTHORIZED)'),
    503: describe('Injected fault (SANDBOX_FAULT)'),
  };
  for (const [status, description] of Object.entries(extra)) responses[Number(status)] = describe(description);
  return responses;
}

export function buildDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'bianmin platform sandbox',
      version: '1.0.0',
      description:
        'Stand-in for the government platform services (WeChat, SMS, identity, staff directory and more). ' +
        'Every /v1 call needs the X-Platform-Key header.',
    },
    servers: [{ url: '/' }],
    security: [{ platformKey: [] }],
  });
}
