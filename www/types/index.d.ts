// Declarations of scope-selector's JS API (the package's "." entry).

/** An action of the table. */
export interface Action {
  id: string;
  label: string;
  scopes: string[];
  group?: string;
}

/** The table: an array of actions, or the object form with scope labels. */
export type ActionTable = Action[] | { actions: Action[]; scopeLabels?: Record<string, string> };

/** What a choice amounts to: sent with every change. */
export interface ChangeDetail {
  /** The ids of the chosen actions, in table order. */
  actions: string[];
  /** The scopes they need, in table order of first appearance. */
  scopes: string[];
  /** The guide URL that reopens the page with this choice. */
  url: string;
}

export interface MountOptions {
  /** The table, instead of the root's `data-guide-actions-json` attribute or JSON script. */
  table?: ActionTable | string;
  /** The widget's key, instead of the root's `data-guides-scope-selector` value. */
  key?: string;
  /** Called after every change of the choice (ticks, select all, clear, `select`, a restored link). */
  onChange?: (detail: ChangeDetail) => void;
}

/**
 * A widget mounted on a panel root. After `destroy()`, every method but `destroy` throws. Destroy
 * a widget whose root leaves the page (the auto-mount script does it for the widgets it mounted).
 */
export interface Widget {
  /** The panel root. */
  readonly root: Element;
  /** The ids of the chosen actions, in table order. */
  selected(): string[];
  /** The scopes the chosen actions need. */
  scopes(): string[];
  /** The guide URL of the current choice. */
  url(): string;
  /** Replaces the choice; throws, changing nothing, on an id the table lacks. */
  select(ids: string[]): void;
  /** Unticks every action. */
  clear(): void;
  /**
   * Set when the extras start loading (after the widget is interactive, when the panel's markup
   * asks for presets, a key check or exports; otherwise on the panel's first search, for the
   * marked search words): settles once their module has attached them, to the extras or to
   * `undefined` if it could not load (the reason is in the console).
   */
  readonly extras?: Promise<unknown>;
  /** Removes the widget's listeners and elements; the panel returns to its markup. Idempotent. */
  destroy(): void;
}

/** The event every root sends (bubbling) after a change of its choice, with a `ChangeDetail`. */
export declare const CHANGE_EVENT: 'scope-selector:change';

/** Mounts a widget on a panel root; rejects with an `Error` naming the problem. */
export declare function mount(root: Element, options?: MountOptions): Promise<Widget>;

/** Mounts every panel root in `container` (and `container` itself) not mounted yet. */
export declare function mountAll(container?: ParentNode): Promise<Widget[]>;

/** Settles once the document has been parsed (at once if it already has). */
export declare function parsed(): Promise<void>;

/** Loads the wasm module (the first `mount` does it); for sites that want to start early. */
export declare function load(): Promise<void>;

declare global {
  interface HTMLElementEventMap {
    'scope-selector:change': CustomEvent<ChangeDetail>;
  }
}
