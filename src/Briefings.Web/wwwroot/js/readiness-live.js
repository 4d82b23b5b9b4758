// The readiness board updates itself: every 15 seconds (and when the tab comes back into view) it asks
// readiness/state — JSON under the page's own access rule — and changes only the marks, notes, tags and the count,
// so a form being filled in is never lost. Without script the page still works: reload to see new ticks.
// Loaded on every page (App.razor) and looking for the board at each tick, so it also works on pages reached by
// Blazor's enhanced navigation; on other pages it does nothing.
(function () {
  'use strict';
  const MARK = { true: '✔', false: '✖', null: '○' };
  let busy = false;

  function cls(passed) { return passed === true ? 'ok' : passed === false ? 'fail' : ''; }

  function apply(summary, state) {
    const strong = summary.querySelector('strong');
    if (strong) strong.textContent = state.ready + ' / ' + state.total;
    for (const e of state.endpoints) {
      const row = document.querySelector('tr[data-endpoint="' + e.id + '"]');
      if (row) row.className = e.ready ? 'ready' : '';
      const section = document.querySelector('section[data-endpoint="' + e.id + '"]');
      const tag = section && section.querySelector('[data-ready-tag]');
      if (tag) {
        tag.className = e.ready ? 'tag tag-ok' : 'tag';
        tag.textContent = e.ready ? 'Sẵn sàng' : 'Chưa sẵn sàng';
      }
      for (const item of e.items) {
        const passed = item.passed === undefined ? null : item.passed;
        const cell = row && row.querySelector('td[data-item="' + item.item + '"]');
        if (cell) {
          cell.className = cls(passed);
          cell.textContent = MARK[passed];
          cell.title = item.note || 'Chưa kiểm tra';
        }
        const li = section && section.querySelector('li[data-item="' + item.item + '"]');
        if (li) {
          li.className = cls(passed);
          const mark = li.querySelector('[data-mark]');
          if (mark) mark.textContent = MARK[passed];
          const note = li.querySelector('[data-note]');
          if (note) note.textContent = item.note || '';
        }
      }
    }
    summary.dataset.updated = String(Date.now());
  }

  async function poll() {
    const summary = document.getElementById('ready-summary');
    if (busy || document.hidden || !summary || !summary.dataset.stateUrl) return;
    busy = true;
    try {
      const r = await fetch(summary.dataset.stateUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (r.ok) apply(summary, await r.json());
    } catch (e) {
      // A weak connection: try again at the next tick.
    } finally {
      busy = false;
    }
  }

  window.briefingsReadiness = { poll: poll };
  setInterval(poll, 15000);
  document.addEventListener('visibilitychange', poll);
})();
