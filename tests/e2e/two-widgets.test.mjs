// Two widgets on one page: each controls the guide that follows it and owns its URL parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, fixture, widget, expectedUnion } from './harness.mjs';

const desk = fixture('helpdesk-actions.json');
const billing = fixture('billing-actions.json');
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('each widget adapts only its own guide and owns its own parameters', async () => {
  const page = await open(env.browser, `${env.url}two-widgets.html`);
  const first = widget(page, '[data-guides-scope-selector="desk"]');
  const second = widget(page, '[data-guides-scope-selector="billing"]');
  assert.equal(await first.rows.count(), desk.length);
  assert.equal(await second.rows.count(), billing.length);

  await first.row('tickets_list').locator('input').check();
  assert.equal(await first.output.textContent(), 'tickets:read');
  assert.equal(await second.output.textContent(), '');
  const billingSteps = page.locator('[data-guide-step][data-guide-scopes^="invoices"], [data-guide-step][data-guide-scopes^="payments"]');
  assert.equal(await billingSteps.evaluateAll((all) => all.every((step) => !step.hidden)), true, 'billing guide untouched');
  assert.equal(await page.locator('[data-guide-step][data-guide-scopes="agents:read"]').first().isHidden(), true);

  await second.row('payments_refund').locator('input').check();
  await second.separator.selectOption('pipe');
  assert.equal(await second.output.textContent(), expectedUnion(billing, ['payments_refund']).join('|'));
  assert.equal(await page.locator('[data-guide-step][data-guide-scopes="plans:read"]').isHidden(), true);
  assert.equal(await page.locator('[data-guide-step][data-guide-scopes="agents:read"]').first().isHidden(), true);

  const url = new URL(page.url());
  assert.equal(url.searchParams.get('desk-actions'), 'tickets_list');
  assert.equal(url.searchParams.get('billing-actions'), 'payments_refund');
  assert.equal(url.searchParams.get('billing-separator'), 'pipe');
  assert.equal(await first.url.inputValue(), url.href, 'each URL field shows the whole page URL');

  const reopened = await open(env.browser, url.href);
  assert.deepEqual(await widget(reopened, '[data-guides-scope-selector="desk"]').checkedIds(), ['tickets_list']);
  assert.deepEqual(await widget(reopened, '[data-guides-scope-selector="billing"]').checkedIds(), ['payments_refund']);
  assert.equal(await widget(reopened, '[data-guides-scope-selector="billing"]').output.textContent(), expectedUnion(billing, ['payments_refund']).join('|'));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(reopened.errors, []);
});
