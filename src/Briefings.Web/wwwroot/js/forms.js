// A form posted once is not posted again while its answer is on the way. On a slow rural connection the page stays
// as it was for seconds after "Lưu" and people click again: each click was a second POST, and the server created a
// second meeting, draft or proposal. Forms that a script sends itself (the live room) prevent the default first and
// are left alone. The mark expires, so a post whose answer never replaced the page can be sent again.
(() => {
  const holdMs = 15000;
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    const posted = Number(form.dataset.postedAt || '0');
    if (Date.now() - posted < holdMs) {
      event.preventDefault();
      return;
    }
    form.dataset.postedAt = String(Date.now());
    form.setAttribute('aria-busy', 'true');
  });
  // Back to a page kept in the browser's memory: its forms may be sent again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    document.querySelectorAll('form[data-posted-at]').forEach((form) => {
      delete form.dataset.postedAt;
      form.removeAttribute('aria-busy');
    });
  });
})();
