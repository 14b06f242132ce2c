// The clipboard, for the widget's copy buttons (imported by the wasm module): the Clipboard API,
// then a hidden-textarea copy, and if both are refused the text is selected for the reader to copy.

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
    // Refused as well: the caller selects the text instead.
  }
  area.remove();
  return copied;
}

/** Copies `text`, then calls `done(copied)`; when copying is refused, `source`'s text is selected. */
export async function copyText(text, source, done) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    copied = copyWithSelection(text);
  }
  if (!copied) {
    if (source.select) source.select();
    else getSelection()?.selectAllChildren(source);
  }
  done(copied);
}
