// @attn/server — the shared server side of every app: POST /api/explain, POST /api/perturb, POST /api/query-key, GET
// /api/models and GET /api/tokenizer for any domain, the limits, the error body and status map, the task cache and run queues. Route files are a line.
export * from './api-types.ts';
export * from './error-response.ts';
export * from './json-content-type.ts';
export * from './read-json-body.ts';
export * from './run-queue.ts';
export * from './served-model.ts';
export * from './server-limits.ts';
export * from './task-cache.ts';
export * from './task-route.ts';
export * from './explain-route.ts';
export * from './attention-request.ts';
export * from './perturb-route.ts';
export * from './query-key-route.ts';
export * from './tokenizer-route.ts';
