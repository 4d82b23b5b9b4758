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

// Files are checked in the browser before the form goes (input[type=file][data-max-bytes], FileField.razor): a phone
// photo too big, too many files or a type the server does not take is named next to the picker and nothing is sent, so
// the text typed above stays on the page and no megabytes go over a weak connection to be refused. Runs in the capture
// phase, before the posted-once mark above. The server checks the same limits again.
(() => {
  const mb = (bytes) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  // A size over a limit is rounded up: 10 MB and 50 KB read "quá lớn (10 MB). Giới hạn là 10 MB" (walk-clerk).
  const over = (bytes) => mb(Math.ceil(bytes / 1024 / 1024 * 10) / 10 * 1024 * 1024);
  const problems = (input) => {
    const files = Array.from(input.files || []);
    const out = [];
    const maxFiles = Number(input.dataset.maxFiles || '0');
    const maxBytes = Number(input.dataset.maxBytes || '0');
    const maxTotal = Number(input.dataset.maxTotal || '0');
    const allowed = (input.dataset.extensions || '').toLowerCase().split(',').filter((e) => e);
    if (maxFiles > 0 && files.length > maxFiles) out.push(`Mỗi lần gửi kèm tối đa ${maxFiles} tệp; bạn đã chọn ${files.length} tệp.`);
    for (const f of files) {
      const dot = f.name.lastIndexOf('.');
      const ext = dot >= 0 ? f.name.slice(dot).toLowerCase() : '';
      if (allowed.length > 0 && !allowed.includes(ext)) out.push(`Không nhận tệp loại "${ext || f.name}". Chỉ nhận: ${allowed.join(', ')}.`);
      else if (f.size === 0) out.push(`Tệp "${f.name}" rỗng.`);
      else if (maxBytes > 0 && f.size > maxBytes) out.push(`Tệp "${f.name}" quá lớn (${over(f.size)} MB). Giới hạn là ${mb(maxBytes)} MB mỗi tệp.`);
    }
    const total = files.reduce((s, f) => s + f.size, 0);
    if (maxTotal > 0 && total > maxTotal && out.length === 0) out.push(`Tổng dung lượng các tệp tối đa ${mb(maxTotal)} MB; bạn đã chọn ${over(total)} MB.`);
    return out;
  };
  const show = (input, list) => {
    const box = document.getElementById(input.id + '-refused');
    if (!box) return;
    box.hidden = list.length === 0;
    box.textContent = list.length === 0 ? '' : list.join(' ') + ' Chưa gửi gì; nội dung đã nhập vẫn còn. Vui lòng chọn tệp khác (ảnh chụp điện thoại có thể chụp hoặc gửi ở cỡ nhỏ hơn).';
  };
  const selector = 'input[type=file][data-max-bytes]';
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches(selector)) show(event.target, problems(event.target));
  });
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    for (const input of form.querySelectorAll(selector)) {
      const list = problems(input);
      show(input, list);
      if (list.length > 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
        input.focus();
        return;
      }
    }
  }, true);
})();

// What was typed into a form is kept in this tab until the page says it was saved. Found from outside: a commune clerk
// typed a report in the evening, the session had ended, "Gửi báo cáo" led to the login page and, signed in again, the
// form was empty. On submit the form's text fields go to sessionStorage (this tab only, gone with it; never password
// fields, never the account pages); a page showing a success notice (#message.alert-success) drops them; a page holding
// the same empty fields puts them back and says so, with a way to discard them.
(() => {
  const prefix = 'briefings-draft:';
  const fieldsOf = (form) => Array.from(form.querySelectorAll('textarea[id], input[id]'))
    .filter((f) => f.tagName === 'TEXTAREA' || ['text', 'search', ''].includes((f.getAttribute('type') || '').toLowerCase()))
    .filter((f) => !f.readOnly && !f.disabled && f.name && !/password/i.test(f.name));
  const keyOf = (form) => form.id ? prefix + location.pathname + '#' + form.id : null;
  const skip = () => location.pathname.toLowerCase().startsWith('/account/');
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || skip() || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    const key = keyOf(form);
    if (!key) return;
    const fields = {};
    for (const f of fieldsOf(form)) if (f.value.trim() !== '') fields[f.id] = f.value;
    try {
      if (Object.keys(fields).length === 0) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), fields }));
    } catch { /* storage full or refused: the post goes on as before */ }
  });
  const restore = () => {
    let keys = [];
    try { keys = Object.keys(sessionStorage).filter((k) => k.startsWith(prefix)); } catch { return; }
    if (document.querySelector('#message.alert-success')) {
      // Saved: whatever this tab was keeping is done with (a later post keeps its own again).
      keys.forEach((k) => sessionStorage.removeItem(k));
      return;
    }
    for (const key of keys.filter((k) => k.startsWith(prefix + location.pathname + '#'))) {
      const form = document.getElementById(key.slice((prefix + location.pathname + '#').length));
      let draft;
      try { draft = JSON.parse(sessionStorage.getItem(key) || ''); } catch { draft = null; }
      if (!form || !draft || !draft.fields) continue;
      const targets = Object.entries(draft.fields).map(([id, value]) => [document.getElementById(id), value])
        .filter(([f]) => f && form.contains(f));
      if (targets.length === 0 || targets.some(([f]) => f.value.trim() !== '')) continue;
      targets.forEach(([f, value]) => { f.value = value; });
      const at = new Date(draft.at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
      const note = document.createElement('div');
      note.className = 'alert alert-info draft-restored';
      note.setAttribute('role', 'status');
      note.textContent = `Đã khôi phục nội dung bạn gõ lúc ${at} nhưng chưa được lưu (phiên đăng nhập hết hạn hoặc mất kết nối). Kiểm tra lại rồi bấm gửi. `;
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'btn btn-small';
      discard.textContent = 'Bỏ nội dung này';
      discard.addEventListener('click', () => {
        targets.forEach(([f]) => { f.value = ''; });
        sessionStorage.removeItem(key);
        note.remove();
      });
      note.appendChild(discard);
      form.prepend(note);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restore);
  else restore();
})();
