// @attn/core/extraction — see the modules in this folder.
export {};
