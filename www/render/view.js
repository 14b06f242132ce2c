// The view model as the engine writes it (JSON, crates/core/src/view/json.rs), for the renderer's
// JSDoc types: what one update returns, and what mounting found.

/**
 * @typedef {import('../messages.js').Message} Message
 * @typedef {{ output: string, separator: string, url: string, notices: Message[],
 *   guide: import('./guide.js').GuideData[], presets: boolean[], key: import('./extras.js').KeyData | null,
 *   changed: boolean, writeUrl: boolean }} ChoiceData
 * @typedef {{ list: import('./list.js').ListData, status: Message, choice: ChoiceData | null }} ViewData
 * @typedef {{ presets: string[], warnings: Message[], guide: number[], windowable: boolean, grouped: boolean, problems: boolean }} OpenedData
 */

export {};
