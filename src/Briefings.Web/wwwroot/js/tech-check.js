// The technical check of an endpoint: camera and microphone preview with a level meter, then a round trip
// through Janus's EchoTest plugin, measured with getStats (round-trip time, packet loss, received resolution,
// bitrate, audio packets), then the figures are posted to the app, which judges them against its thresholds
// and records picture / sound / connection on the endpoint's readiness.
// window.techCheck: { state, figures, outcome, error } for the page's tests.
(function () {
  'use strict';

  const STATS_SECONDS = 5;
  const root = document.querySelector('[data-tech-check]');
  if (!root) return;
  const stateEl = root.querySelector('[data-check-state]');
  const startButton = root.querySelector('[data-check-start]');
  const meter = root.querySelector('#check-level');
  const localVideo = root.querySelector('#check-local');
  const echoVideo = root.querySelector('#check-echo');
  const figuresEl = root.querySelector('#check-figures');
  const outcomeEl = root.querySelector('#check-outcome');
  const check = (window.techCheck = { state: 'idle', figures: null, outcome: null, error: null });
  const nf = (digits) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits });

  function say(state, text) {
    check.state = state;
    root.dataset.state = state;
    stateEl.textContent = text;
    stateEl.className = 'media-state media-state-' + state;
  }
  function step(name, status) {
    const li = root.querySelector('[data-step="' + name + '"]');
    if (li) li.dataset.status = status;
  }
  // A problem of the system, not of the endpoint: nothing is recorded on the endpoint's readiness.
  function serverSide(message) {
    const e = new Error(message);
    e.serverSide = true;
    return e;
  }
  function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

  let maxLevel = 0, audioContext = null, levelTimer = null, janus = null, stream = null;

  function watchLevel(s) {
    audioContext = new AudioContext();
    const analyser = audioContext.createAnalyser();
    analyser.fftSize = 1024;
    audioContext.createMediaStreamSource(s).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    levelTimer = setInterval(() => {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      const rms = Math.sqrt(sum / data.length);
      maxLevel = Math.max(maxLevel, rms);
      meter.value = Math.min(1, rms * 4);
    }, 100);
  }

  async function credential() {
    const r = await fetch(root.dataset.credentialUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) {
      let message = 'Không lấy được quyền kết nối máy chủ hình ảnh (' + r.status + ').';
      try { message = (await r.json()).message || message; } catch (e) { /* not JSON */ }
      throw serverSide(message);
    }
    return r.json();
  }

  function connect(cred) {
    return new Promise((resolve, reject) => {
      Janus.init({
        debug: false,
        dependencies: Janus.useDefaultDependencies(),
        callback: () => {
          janus = new Janus({
            server: cred.server,
            iceServers: cred.iceServers.map((s) => ({ urls: s.urls, username: s.username || undefined, credential: s.credential || undefined })),
            token: cred.token,
            success: () => resolve(),
            error: (e) => reject(new Error('Không kết nối được máy chủ hình ảnh: ' + e)),
          });
        },
      });
    });
  }

  async function snapshot(pc) {
    const stats = await pc.getStats();
    const out = { at: performance.now(), rtt: null, video: null, audio: null };
    stats.forEach((s) => {
      if (s.type === 'candidate-pair' && s.state === 'succeeded' && (s.nominated || s.selected) && typeof s.currentRoundTripTime === 'number') {
        out.rtt = s.currentRoundTripTime * 1000;
      }
      if (s.type === 'inbound-rtp' && s.kind === 'video') out.video = s;
      if (s.type === 'inbound-rtp' && s.kind === 'audio') out.audio = s;
    });
    return out;
  }

  async function measure(handle) {
    const pc = handle.webrtcStuff.pc;
    const first = await snapshot(pc);
    const rtts = [];
    for (let i = 0; i < STATS_SECONDS; i++) {
      await sleep(1000);
      const s = await snapshot(pc);
      if (s.rtt !== null) rtts.push(s.rtt);
    }
    const last = await snapshot(pc);
    const v1 = first.video || {}, v2 = last.video || {}, a2 = last.audio || {};
    const seconds = (last.at - first.at) / 1000;
    const received = (v2.packetsReceived || 0) + (a2.packetsReceived || 0);
    const lost = Math.max(0, (v2.packetsLost || 0)) + Math.max(0, (a2.packetsLost || 0));
    return {
      rttMs: rtts.length ? rtts.reduce((x, y) => x + y, 0) / rtts.length : null,
      lossPercent: received + lost > 0 ? (100 * lost) / (received + lost) : null,
      width: v2.frameWidth || echoVideo.videoWidth || null,
      height: v2.frameHeight || echoVideo.videoHeight || null,
      videoKbps: seconds > 0 && v2.bytesReceived !== undefined ? ((v2.bytesReceived - (v1.bytesReceived || 0)) * 8) / 1000 / seconds : null,
      framesPerSecond: v2.framesPerSecond || null,
      audioPacketsReceived: a2.packetsReceived || 0,
      micLevel: maxLevel,
      error: null,
    };
  }

  function showFigures(f) {
    figuresEl.hidden = false;
    const set = (k, v) => { figuresEl.querySelector('[data-figure="' + k + '"]').textContent = v; };
    set('rtt', f.rttMs === null ? 'không đo được' : nf(0).format(f.rttMs) + ' ms');
    set('loss', f.lossPercent === null ? 'không đo được' : nf(1).format(f.lossPercent) + ' %');
    set('resolution', f.width ? f.width + '×' + f.height : 'không nhận được hình');
    set('bitrate', f.videoKbps === null ? '—' : nf(0).format(f.videoKbps) + ' kbit/s' + (f.framesPerSecond ? ', ' + nf(0).format(f.framesPerSecond) + ' khung/giây' : ''));
    set('audio', nf(0).format(f.audioPacketsReceived));
  }

  function showOutcome(outcome) {
    outcomeEl.hidden = false;
    outcomeEl.replaceChildren(...outcome.items.map((i) => {
      const li = document.createElement('li');
      li.className = i.passed ? 'ok' : 'fail';
      const name = document.createElement('span');
      name.className = 'check-name';
      name.textContent = (i.passed ? '✔ ' : '✖ ') + i.name;
      const details = document.createElement('span');
      details.className = 'muted small';
      details.textContent = i.details;
      li.append(name, ' ', details);
      return li;
    }));
  }

  async function post(figures) {
    const token = root.querySelector('input[name="__RequestVerificationToken"]').value;
    const r = await fetch(root.dataset.resultUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
      body: JSON.stringify(figures),
    });
    if (!r.ok) throw new Error('Không ghi được kết quả (' + r.status + ').');
    return r.json();
  }

  // Keep the last picture of each video (the camera is released afterwards), so the result stays readable.
  function freeze(video) {
    if (!video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    video.poster = canvas.toDataURL('image/jpeg', 0.8);
    video.srcObject = null;
  }

  function stop() {
    freeze(localVideo);
    freeze(echoVideo);
    clearInterval(levelTimer);
    if (audioContext) audioContext.close();
    if (janus) { try { janus.destroy({ cleanupHandles: true }); } catch (e) { /* gone */ } janus = null; }
  }

  async function run() {
    startButton.disabled = true;
    outcomeEl.hidden = true;
    maxLevel = 0;
    let figures = null;
    try {
      if (typeof Janus === 'undefined' || typeof Janus.init !== 'function') throw serverSide('Máy chủ chưa cài thư viện hình ảnh (janus.js).');
      const cred = await credential();
      say('devices', 'Đang mở camera và micro…');
      step('devices', 'running');
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: true,
          video: { width: { ideal: cred.captureWidth || 640 }, height: { ideal: cred.captureHeight || 480 } },
        });
      } catch (e) {
        throw new Error('Không mở được camera hoặc micro: ' + e.message);
      }
      localVideo.srcObject = stream;
      watchLevel(stream);
      step('devices', 'done');
      say('echo', 'Đang gửi hình, tiếng lên máy chủ và nhận lại…');
      step('echo', 'running');
      await connect(cred);
      const handle = await echoWithJsep(cred);
      say('measure', 'Đang đo đường truyền trong ' + STATS_SECONDS + ' giây…');
      figures = await measure(handle);
      step('echo', 'done');
    } catch (e) {
      check.error = e.message;
      if (e.serverSide) {
        stop();
        if (stream) stream.getTracks().forEach((t) => t.stop());
        step('echo', 'failed');
        say('unavailable', e.message + ' Chưa ghi kết quả; vui lòng thử lại sau hoặc báo Văn phòng.');
        startButton.disabled = false;
        return;
      }
      figures = figures || { rttMs: null, lossPercent: null, width: null, height: null, videoKbps: null, framesPerSecond: null, audioPacketsReceived: 0, micLevel: maxLevel, error: e.message };
      step('echo', 'failed');
    }
    stop();
    check.figures = figures;
    showFigures(figures);
    try {
      step('save', 'running');
      const outcome = await post(figures);
      check.outcome = outcome;
      showOutcome(outcome);
      step('save', 'done');
      say(outcome.passed ? 'passed' : 'failed', outcome.passed
        ? 'Điểm cầu đạt yêu cầu hình ảnh, âm thanh, đường truyền. Kết quả đã ghi vào bảng sẵn sàng.'
        : (check.error ? check.error + ' ' : '') + 'Điểm cầu chưa đạt. Kết quả đã ghi vào bảng sẵn sàng; khắc phục rồi kiểm tra lại.');
    } catch (e) {
      check.error = e.message;
      step('save', 'failed');
      say('error', e.message);
    }
    if (stream) stream.getTracks().forEach((t) => t.stop());
    startButton.disabled = false;
    startButton.textContent = 'Kiểm tra lại';
  }

  // The EchoTest answers on the handle that offered; janus.js hands the answer to onmessage.
  function echoWithJsep(cred) {
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (m) => { if (!settled) { settled = true; reject(new Error(m)); } };
      const echoed = new MediaStream();
      echoVideo.srcObject = echoed;
      echoVideo.addEventListener('loadeddata', () => { if (!settled) { settled = true; resolve(handle); } }, { once: true });
      let handle = null;
      janus.attach({
        plugin: 'janus.plugin.echotest',
        opaqueId: 'check-' + cred.endpointId,
        success: (h) => {
          handle = h;
          h.createOffer({
            tracks: [
              { type: 'audio', capture: stream.getAudioTracks()[0].clone(), recv: true },
              { type: 'video', capture: stream.getVideoTracks()[0].clone(), recv: true },
            ],
            success: (jsep) => h.send({ message: { audio: true, video: true }, jsep }),
            error: (e) => fail('Không tạo được kết nối: ' + (e && e.message ? e.message : e)),
          });
        },
        error: (e) => fail('Máy chủ không cho kiểm tra: ' + e),
        onmessage: (msg, jsep) => { if (jsep && handle) handle.handleRemoteJsep({ jsep }); },
        onremotetrack: (track, mid, on) => {
          if (on && !echoed.getTracks().includes(track)) echoed.addTrack(track);
        },
      });
      setTimeout(() => fail('Không nhận lại được hình qua máy chủ sau 20 giây.'), 20000);
    });
  }

  startButton.addEventListener('click', run);
})();
