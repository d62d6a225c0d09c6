// @attn/task-image — the image Domain (any Hugging Face-layout ViT image-classification folder): image
// input and limits, decoding and preprocessing, the patch grid, the per-image deletion curve, example images.
export { imageDomain, loadImageTask, type ImagePrediction, type ImageTask } from './image-domain.ts';
export * from './image-input.ts';
export { imageDeletionCurve, deletionSteps, type ImageDeletionCurve, type ImageDeletionOptions } from './image-deletion.ts';
export { exampleImageDataUrl, imageDataUrl } from './image-bytes.ts';
export { imageFileInput } from './command-line-image.ts';
export { patchTokens } from './patch-grid.ts';
export { readVitImageConfig, hasImageConfig, type VitImageConfig } from './vit-folder-config.ts';
