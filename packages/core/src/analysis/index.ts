// @attn/core/analysis — see the modules in this folder.
export {};
