// Declarations of scope-selector's helpers for integrators (the package's "./tools" entry).
import type { ActionTable } from './index.js';

export interface UrlOptions {
  table: ActionTable | string;
  key?: string;
}

/** The guide URL choosing `actions` on the page at `base`; throws on unknown ids. */
export declare function buildGuideUrl(
  base: string,
  actions: string[] | string,
  options: UrlOptions & { separator?: 'space' | 'comma' | 'semicolon' | 'pipe' | 'newline' },
): Promise<string>;

/** The choice a guide URL makes. */
export declare function parseGuideUrl(
  url: string,
  options: UrlOptions,
): Promise<{ actions: string[]; scopes: string[]; separator: string; notices: string[] }>;

/** The complete panel markup for `table` (every control of the markup contract, escaped). */
export declare function renderPanel(table: ActionTable | string, options?: { key?: string; extras?: boolean }): Promise<string>;

/** An action table prepared for search and scope unions (as the widget searches). */
export interface Catalog {
  readonly length: number;
  /** Indices of the actions matching every word of `query`, best first (the exact label, a label prefix, a word start in the label, then the rest), in table order within a rank. */
  search(query: string): Uint32Array;
  /** The scopes the actions at `indices` need, in table order of first appearance. */
  scopes(indices: Uint32Array | number[]): string[];
  /** What was repaired while reading the table (repeated ids, blank scopes). */
  readonly warnings: string[];
  free(): void;
}

/** Reads `table` into a `Catalog`; rejects with an `Error` naming the problem. */
export declare function createCatalog(table: ActionTable | string): Promise<Catalog>;

/** What the widget finds wrong with `table` (JSON text): the core's message, or `null`. */
export declare function tableProblem(table: string): Promise<string | null>;

/** What was repaired in `table` (JSON text) to use it: the core's notices. */
export declare function tableNotices(table: string): Promise<string[]>;
