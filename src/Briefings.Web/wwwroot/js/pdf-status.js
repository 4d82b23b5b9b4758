// While a PDF is being made (LibreOffice, one document at a time behind a queue), show the queue's state next to
// the link: "Đang tạo bản PDF… (đang chuyển 1, chờ 2)". Delegated from the document, so it works on pages reached
// by Blazor's enhanced navigation too.
(() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-pdf-status]');
    if (!link) return;
    const target = document.getElementById(link.dataset.pdfStatus);
    if (!target) return;
    const started = Date.now();
    const before = Number(target.dataset.converted || '-1');
    target.hidden = false;
    target.textContent = 'Đang tạo bản PDF…';
    const tick = async () => {
      try {
        const response = await fetch('conclusions/pdf-status', { headers: { Accept: 'application/json' } });
        if (response.ok) {
          const s = await response.json();
          if (before >= 0 && s.converted > before && !s.converting && s.queued === 0) {
            target.textContent = 'Đã tạo xong bản PDF; trình duyệt đang tải về.';
            return;
          }
          target.textContent = `Đang tạo bản PDF… (đang chuyển ${s.converting ? 1 : 0}, chờ ${s.queued})`;
          target.dataset.converted = before < 0 ? String(s.converted) : target.dataset.converted;
        }
      } catch { /* the status line is a courtesy; the download goes on regardless */ }
      if (Date.now() - started < 60000) setTimeout(tick, 1000);
    };
    tick();
  });
})();
