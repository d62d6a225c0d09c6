// @attn/core/runtime — see the modules in this folder.
export {};
