// @attn/registry — the shipped models of every domain, the user's own (ATTN_USER_MODELS) and the domains that run
// them: load any model's task by id or folder, or describe it without loading. `./models` is the plain list.
export * from './shipped-models.ts';
export * from './domains.ts';
export * from './resolve-model.ts';
export * from './user-models.ts';
