// The clipboard, for the widget's copy buttons (the wasm module imports this): the Clipboard API,
// then a hidden-textarea copy, and if both are refused the text is selected for the reader to
// copy by hand. The button shows the result for a moment, and it is announced.

const FEEDBACK_MS = 1600;

function copyWithSelection(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'guides-scope-selector__offscreen';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    // Refused as well: the text is selected instead.
  }
  area.remove();
  return copied;
}

/**
 * Copies `text` for `button`. The widget gives the attribute that shows the result on the button
 * (`feedback`, drawn by the stylesheet as a bubble) and the messages, in the page's language:
 * `copied`, `blocked` (then `source`'s text is selected) and `empty` (nothing to copy yet).
 */
export async function copyText(text, source, button, announcer, feedback, copied, blocked, empty) {
  const show = (message) => {
    clearTimeout(button.scopeSelectorTimer);
    button.setAttribute(feedback, message);
    announcer.textContent = message;
    button.scopeSelectorTimer = setTimeout(() => button.removeAttribute(feedback), FEEDBACK_MS);
  };
  if (!text) return show(empty);
  try {
    await navigator.clipboard.writeText(text);
    return show(copied);
  } catch {
    if (copyWithSelection(text)) return show(copied);
  }
  if (source.select) source.select();
  else getSelection()?.selectAllChildren(source);
  show(blocked);
}
