// Declarations of the one-tag embed (scope-selector.js): the auto-mount script and the API.
export * from './auto.js';
