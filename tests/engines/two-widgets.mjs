// Two widgets on one page: each controls the guide that follows it and owns its URL parameters.
import assert from 'node:assert/strict';
import { expectedUnion, fixture } from '../e2e/harness.mjs';
import { assertNoErrors, panel, read } from './harness.mjs';

const desk = fixture('helpdesk-actions.json');
const billing = fixture('billing-actions.json');

export const behaviours = {
  'each widget adapts only its own guide and owns its own parameters': async (b, { plain }) => {
    await b.open(`${plain.url}two-widgets.html`);
    const first = panel(b, '[data-guides-scope-selector="desk"]');
    const second = panel(b, '[data-guides-scope-selector="billing"]');
    assert.equal(await first.rowCount(), desk.length);
    assert.equal(await second.rowCount(), billing.length);

    await first.check('tickets_list');
    assert.equal(await first.output(), 'tickets:read');
    assert.equal(await second.output(), '');
    assert.equal(await b.run(() => [...document.querySelectorAll('[data-guide-step][data-guide-scopes^="invoices"], [data-guide-step][data-guide-scopes^="payments"]')]
      .every((step) => !step.hidden)), true, 'billing guide untouched');
    assert.equal(await b.run(read.visible, '[data-guide-step][data-guide-scopes="agents:read"]'), false);

    await second.check('payments_refund');
    await second.choose('pipe');
    assert.equal(await second.output(), expectedUnion(billing, ['payments_refund']).join('|'));
    assert.equal(await b.run(read.visible, '[data-guide-step][data-guide-scopes="plans:read"]'), false);
    assert.equal(await b.run(read.visible, '[data-guide-step][data-guide-scopes="agents:read"]'), false);

    // (The address follows once the view is painted.)
    await b.until(() => location.search.includes('billing-separator'));
    const url = new URL(await b.run(read.url));
    assert.equal(url.searchParams.get('desk-actions'), 'tickets_list');
    assert.equal(url.searchParams.get('billing-actions'), 'payments_refund');
    assert.equal(url.searchParams.get('billing-separator'), 'pipe');
    assert.equal(await first.url(), url.href, 'each URL field shows the whole page URL');

    await assertNoErrors(b);
    await b.open(url.href);
    assert.deepEqual(await first.checkedIds(), ['tickets_list']);
    assert.deepEqual(await second.checkedIds(), ['payments_refund']);
    assert.equal(await second.output(), expectedUnion(billing, ['payments_refund']).join('|'));
  },
};
