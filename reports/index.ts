export * from './model.ts';
export * from './escape.ts';
export * from './format.ts';
export * from './charts/index.ts';
export * from './render/index.ts';
