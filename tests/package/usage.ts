// Type-checked by the package test (`tsc --noEmit`) against the declarations in the packed tarball.
import { CHANGE_EVENT, load, mount, mountAll, type ChangeDetail, type Widget } from 'scope-selector';
import { ready } from 'scope-selector/auto';
import { buildGuideUrl, createCatalog, parseGuideUrl, renderPanel } from 'scope-selector/tools';
import { importSpec, type ImportResult } from 'scope-selector/import';

async function usage(root: HTMLElement): Promise<void> {
  await load();
  const widget: Widget = await mount(root, {
    key: 'crm',
    table: [{ id: 'a', label: 'A', scopes: ['s'] }],
    onChange: (detail: ChangeDetail) => console.log(detail.actions.length, detail.scopes.join(' '), detail.url),
  });
  const ids: string[] = widget.selected();
  const scopes: string[] = widget.scopes();
  const url: string = widget.url();
  widget.select(ids);
  widget.clear();
  widget.destroy();
  console.log(scopes, url, widget.root.tagName);
  const widgets: Widget[] = await mountAll(document);
  const early: Widget[] = await ready;
  root.addEventListener(CHANGE_EVENT, (event) => console.log(event.detail.scopes));
  console.log(widgets.length + early.length);
  const catalog = await createCatalog('[{"id":"a","label":"A","scopes":["s"]}]');
  const found: Uint32Array = catalog.search('a');
  console.log(catalog.scopes(found), catalog.warnings);
  const link: string = await buildGuideUrl('https://docs.example.com/', ['a'], { table: [{ id: 'a', label: 'A', scopes: ['s'] }], separator: 'comma' });
  const parsed = await parseGuideUrl(link, { table: '[{"id":"a","label":"A","scopes":["s"]}]' });
  const markup: string = await renderPanel([{ id: 'a', label: 'A', scopes: ['s'] }], { key: 'crm' });
  console.log(parsed.actions, markup.length);
  const imported: ImportResult = await importSpec('openapi: 3.0.3', { scheme: 'oauth', groupBy: 'path', skipDeprecated: true });
  console.log(imported.table.actions[0]?.scopes, imported.scheme, imported.summary.dropped, imported.warnings);
}

void usage;
