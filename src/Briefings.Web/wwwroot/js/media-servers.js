// The console's card of media servers (Janus centre and relays): which answer and which endpoints are on each.
// Polls the section's data-url every 3 s; the card stays hidden while media is not configured.
(function () {
  'use strict';
  const card = document.getElementById('media-servers');
  if (!card) return;
  const list = card.querySelector('ul');
  const time = (iso) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function render(servers) {
    card.hidden = servers.length === 0;
    list.replaceChildren(...servers.map((s) => {
      const li = document.createElement('li');
      li.className = 'media-server ' + (s.up ? 'media-server-up' : 'media-server-down');
      li.dataset.server = s.name;
      const head = document.createElement('strong');
      head.textContent = s.label;
      const state = document.createElement('span');
      state.className = 'media-server-state';
      const role = s.label.startsWith(s.role) ? '' : ' (' + s.role.toLowerCase() + ')';
      state.textContent = role + ': ' + (s.up ? 'hoạt động' : 'không phản hồi' + (s.since ? ' từ ' + time(s.since) : '') + ', điểm cầu tự chuyển sang máy chủ khác');
      const who = document.createElement('span');
      who.className = 'media-server-endpoints muted small';
      who.textContent = s.endpoints.length ? s.endpoints.join(', ') : 'Chưa có điểm cầu.';
      li.append(head, state, document.createElement('br'), who);
      return li;
    }));
  }

  async function poll() {
    try {
      const response = await fetch(card.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) render((await response.json()).servers || []);
    } catch (e) { /* the next poll tries again */ }
    setTimeout(poll, 3000);
  }
  poll();
})();
