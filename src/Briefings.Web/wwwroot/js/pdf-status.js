// While a PDF is being made (LibreOffice, one document at a time behind a queue), show the queue's state next to
// the link: "Đang tạo bản PDF… (đang chuyển 1, chờ 2)", then that it is ready. The link is sent with a one-time token
// (?ready=…) that the PDF's answer returns in a short cookie ("pdf-ready=token:ok" or ":failed"), so the page knows when
// the browser has the file, whether it was made now or kept signed from before, and whoever may download it. Only the
// office and leaders may read the queue; for a commune's account the line says it is being made, without numbers, and
// the queue is not asked again after a refusal. Delegated from the document, so it works on pages reached by Blazor's
// enhanced navigation too.
(() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-pdf-status]');
    if (!link) return;
    const target = document.getElementById(link.dataset.pdfStatus);
    if (!target) return;
    const token = Math.random().toString(36).slice(2, 12);
    const url = new URL(link.href, document.baseURI);
    url.searchParams.set('ready', token);
    link.href = url.toString();
    const started = Date.now();
    let askQueue = true;
    let lastAsked = 0;
    target.hidden = false;
    target.textContent = 'Đang tạo bản PDF…';
    const ready = () => {
      const cookie = document.cookie.split('; ').find((c) => c.startsWith('pdf-ready=' + token + '%3A') || c.startsWith('pdf-ready=' + token + ':'));
      return cookie ? decodeURIComponent(cookie.split('=')[1]).split(':')[1] : null;
    };
    const tick = async () => {
      const outcome = ready();
      if (outcome) {
        target.textContent = outcome === 'ok'
          ? 'Đã có bản PDF; trình duyệt đang tải về (xem thư mục Tải xuống).'
          : 'Chưa tạo được bản PDF; vẫn có thể tải bản Word (.docx). Vui lòng thử lại sau ít phút.';
        return;
      }
      if (askQueue && Date.now() - lastAsked >= 1000) {
        lastAsked = Date.now();
        try {
          const response = await fetch('conclusions/pdf-status', { headers: { Accept: 'application/json' } });
          if (response.ok) {
            const s = await response.json();
            if (!ready()) target.textContent = `Đang tạo bản PDF… (đang chuyển ${s.converting ? 1 : 0}, chờ ${s.queued})`;
          } else {
            askQueue = false;
          }
        } catch { /* the queue's numbers are a courtesy; the download goes on regardless */ }
      }
      if (Date.now() - started < 120000) setTimeout(tick, 300);
    };
    setTimeout(tick, 0);
  });
})();
