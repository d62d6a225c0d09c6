// @attn/core/math — see the modules in this folder.
export {};
