// Declarations of the auto-mount script (the package's "./auto" entry).
import type { Widget } from './index.js';

export * from './index.js';

/** Resolves to the widgets mounted on the page as it was parsed (`[]` where there is no document). */
export declare const ready: Promise<Widget[]>;
