// @attn/fuzz: property-based fuzzing of route handlers with fast-check — hostile values, bodies and query
// strings, the runner that checks every answer (200 or a 4xx naming the field), and fast-check itself as `fc`.
export * from './hostile-values.ts';
export * from './json-mutations.ts';
export * from './hostile-requests.ts';
export * from './route-fuzz.ts';
export { default as fc } from 'fast-check';
