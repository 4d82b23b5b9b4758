// Audio and video of one endpoint in its meeting's Janus VideoRoom.
// Include after media/lib/adapter.js and media/lib/janus.js; every element with [data-media-room] starts
// (data-credential-url: the app's credential endpoint; data-subscribe: "all" for the host room, which sees
// every endpoint, or "host" for a commune, which sees the chair and the current speaker).
// window.briefingsMedia is the room of the page, for the page's other scripts and for tests:
//   state, mute(), unmute(), muted, setSpeaker(endpointId), videoWidths(), inboundAudioPackets(), timings,
//   server (the Janus instance joined: its own relay first; when it fails, the next one the credential lists).
(function () {
  'use strict';

  const TEXT = {
    connecting: 'Đang kết nối hình ảnh, âm thanh…',
    connected: 'Đã kết nối hình ảnh, âm thanh.',
    reconnecting: 'Mất kết nối hình ảnh, âm thanh. Đang tự kết nối lại…',
    unavailable: 'Hình ảnh, âm thanh hiện không dùng được.',
    noLibrary: 'Máy chủ chưa cài thư viện hình ảnh (janus.js).',
    denied: 'Tài khoản này không được mời vào phòng họp trực tuyến của điểm cầu.',
    noDevices: 'Không mở được camera hoặc micro: kiểm tra quyền của trình duyệt.',
    mute: 'Tắt micro',
    unmute: 'Bật micro',
    waiting: 'Chưa có hình từ điểm cầu chủ trì.',
    movedTo: (label) => 'Đã kết nối hình ảnh, âm thanh qua máy chủ dự phòng: ' + label + '.',
  };
  // A server that failed is skipped for this long when choosing where to join.
  const FAILED_FOR_MS = 60000;

  let janusReady = null;
  function initJanus() {
    if (!janusReady) {
      janusReady = new Promise((resolve) => Janus.init({ debug: false, dependencies: Janus.useDefaultDependencies(), callback: resolve }));
    }
    return janusReady;
  }

  function MediaRoom(root) {
    const stateEl = root.querySelector('[data-media-state]');
    const stage = root.querySelector('[data-media-remote]');
    const localVideo = root.querySelector('[data-media-local]');
    const muteButton = root.querySelector('[data-media-mute]');
    const subscribeAll = root.dataset.subscribe === 'all';
    const room = {
      state: 'connecting', message: '', muted: false, speaker: null, timings: {}, feeds: new Map(), attempts: 0, server: null, failovers: 0,
    };
    let janus = null, publisher = null, cred = null, srv = null, retryTimer = null, localStream = null, generation = 0;
    const failedAt = new Map();

    // The servers the credential lists (own relay first), the first one that has not failed lately.
    function chooseServer() {
      const servers = cred.servers && cred.servers.length ? cred.servers : [{ name: 'janus', label: '', url: cred.server, token: cred.token, roomToken: cred.roomToken }];
      const now = Date.now();
      return servers.find((x) => !(now - (failedAt.get(x.name) || -Infinity) < FAILED_FOR_MS)) || servers[0];
    }
    // Another server to go to right away (tiers): the current one is marked failed first.
    function hasFallback() {
      if (!cred || !srv || !cred.servers || cred.servers.length < 2) return false;
      failedAt.set(srv.name, Date.now());
      return cred.servers.some((x) => x.name !== srv.name && !(Date.now() - (failedAt.get(x.name) || -Infinity) < FAILED_FOR_MS));
    }

    function setState(state, message) {
      room.state = state;
      room.message = message || TEXT[state] || '';
      root.dataset.state = state;
      if (stateEl) {
        stateEl.textContent = room.message;
        stateEl.className = 'media-state media-state-' + state;
      }
    }

    function labelOf(endpointId) {
      const e = cred && cred.endpoints.find((x) => x.id === endpointId);
      return e ? e.name : 'Điểm cầu';
    }
    function isHost(endpointId) {
      const e = cred && cred.endpoints.find((x) => x.id === endpointId);
      return !!(e && e.isHost);
    }
    function wanted(display) {
      return subscribeAll || isHost(display) || display === room.speaker;
    }

    function scheduleRetry(reason) {
      // A Janus that fails (its session, ICE or PeerConnection): straight to the next server when there is one.
      const fallback = reason !== 'unavailable' && hasFallback();
      teardown();
      room.attempts++;
      if (fallback) room.failovers++;
      const delay = fallback ? 250 : Math.min(15000, 1000 * Math.pow(2, Math.min(room.attempts, 4)));
      setState(reason === 'unavailable' ? 'unavailable' : 'reconnecting', reason === 'unavailable' ? room.message : undefined);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(start, delay);
    }

    function teardown() {
      generation++;
      for (const feed of room.feeds.values()) {
        feed.figure.remove();
      }
      room.feeds.clear();
      if (janus) {
        const j = janus;
        janus = null;
        publisher = null;
        try { j.destroy({ cleanupHandles: true, notifyDestroyed: false }); } catch (e) { /* already gone */ }
      }
      updateEmptyStage();
    }

    function updateEmptyStage() {
      if (!stage) return;
      let empty = stage.querySelector('.media-empty');
      if (room.feeds.size === 0 && !empty) {
        empty = document.createElement('p');
        empty.className = 'media-empty';
        empty.textContent = TEXT.waiting;
        stage.appendChild(empty);
      } else if (room.feeds.size > 0 && empty) {
        empty.remove();
      }
    }

    async function start() {
      const myGeneration = ++generation;
      room.timings = { start: performance.now() };
      setState(room.attempts ? 'reconnecting' : 'connecting');
      if (typeof Janus === 'undefined' || typeof Janus.init !== 'function') {
        setState('unavailable', TEXT.noLibrary);
        return;
      }
      let response;
      try {
        response = await fetch(root.dataset.credentialUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      } catch (e) {
        scheduleRetry();
        return;
      }
      if (response.status === 403 || response.status === 404) {
        setState('denied', TEXT.denied);
        return;
      }
      if (!response.ok) {
        let message = TEXT.unavailable;
        try { message = (await response.json()).message || message; } catch (e) { /* not JSON */ }
        room.message = message;
        setState('unavailable', message);
        if (response.status === 503) scheduleRetry('unavailable');
        return;
      }
      cred = await response.json();
      srv = chooseServer();
      room.server = srv.name;
      root.dataset.server = srv.name;
      room.timings.credential = performance.now();
      await initJanus();
      if (myGeneration !== generation) return;
      janus = new Janus({
        server: srv.url,
        iceServers: cred.iceServers.map((s) => ({ urls: s.urls, username: s.username || undefined, credential: s.credential || undefined })),
        token: srv.token,
        success: () => attachPublisher(myGeneration),
        error: () => { if (myGeneration === generation) scheduleRetry(); },
        destroyed: () => { if (myGeneration === generation) scheduleRetry(); },
      });
    }

    function attachPublisher(myGeneration) {
      janus.attach({
        plugin: 'janus.plugin.videoroom',
        opaqueId: 'pub-' + cred.endpointId,
        success: (handle) => {
          publisher = handle;
          handle.send({ message: { request: 'join', ptype: 'publisher', room: cred.room, display: cred.display, token: srv.roomToken } });
        },
        error: () => scheduleRetry(),
        iceState: (state) => { if (state === 'failed' && myGeneration === generation) scheduleRetry(); },
        webrtcState: (up) => {
          if (myGeneration !== generation) return;
          if (!up) { scheduleRetry(); return; }
          room.attempts = 0;
          const fallback = cred.servers && cred.servers.length > 1 && cred.servers[0].name !== srv.name;
          setState('connected', fallback ? TEXT.movedTo(srv.label || srv.name) : undefined);
        },
        onmessage: (msg, jsep) => {
          const event = msg.videoroom;
          if (event === 'joined') {
            room.myId = msg.id;
            room.privateId = msg.private_id;
            room.timings.joined = performance.now();
            publish();
            (msg.publishers || []).forEach(subscribe);
          } else if (event === 'event') {
            (msg.publishers || []).forEach(subscribe);
            const gone = msg.leaving || msg.unpublished;
            if (gone && gone !== 'ok') removeFeed(gone);
            if (msg.error_code === 433 || msg.error_code === 426) {
              setState('unavailable', TEXT.unavailable);
              scheduleRetry('unavailable');
            }
          } else if (event === 'destroyed') {
            scheduleRetry();
          }
          if (jsep) publisher.handleRemoteJsep({ jsep });
        },
        onlocaltrack: (track, on) => {
          if (!localVideo || track.kind !== 'video') return;
          if (on) {
            localStream = new MediaStream([track]);
            localVideo.srcObject = localStream;
          } else {
            localVideo.srcObject = null;
          }
        },
        onremotetrack: () => { /* a publisher receives nothing */ },
      });
    }

    function publish() {
      publisher.createOffer({
        tracks: [
          { type: 'audio', capture: true, recv: false },
          { type: 'video', capture: { width: { ideal: cred.captureWidth }, height: { ideal: cred.captureHeight } }, recv: false },
        ],
        success: (jsep) => {
          publisher.send({ message: { request: 'publish', audio: true, video: true }, jsep });
          if (room.muted) publisher.muteAudio();
        },
        error: () => setState('unavailable', TEXT.noDevices),
      });
    }

    function subscribe(p) {
      if (!p || room.feeds.has(p.id) || p.id === room.myId || !wanted(p.display)) return;
      const figure = document.createElement('figure');
      figure.className = 'media-feed' + (isHost(p.display) ? ' media-feed-host' : '') + (p.display === room.speaker ? ' media-feed-speaker' : '');
      figure.dataset.endpoint = p.display;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.setAttribute('aria-label', 'Hình từ ' + labelOf(p.display));
      const caption = document.createElement('figcaption');
      caption.textContent = labelOf(p.display);
      figure.append(video, caption);
      if (stage) (isHost(p.display) ? stage.prepend(figure) : stage.append(figure));
      const feed = { id: p.id, endpointId: p.display, figure, video, stream: new MediaStream(), handle: null };
      room.feeds.set(p.id, feed);
      updateEmptyStage();
      video.srcObject = feed.stream;
      video.addEventListener('loadeddata', () => {
        if (!room.timings.firstRemoteFrame) room.timings.firstRemoteFrame = performance.now();
        feed.firstFrame = performance.now();
      });
      janus.attach({
        plugin: 'janus.plugin.videoroom',
        opaqueId: 'sub-' + cred.endpointId,
        success: (handle) => {
          feed.handle = handle;
          handle.send({ message: { request: 'join', ptype: 'subscriber', room: cred.room, streams: [{ feed: p.id }], private_id: room.privateId, token: srv.roomToken } });
        },
        error: () => removeFeed(p.id),
        onmessage: (msg, jsep) => {
          if (jsep) {
            feed.handle.createAnswer({
              jsep,
              tracks: [{ type: 'data' }],
              success: (answer) => feed.handle.send({ message: { request: 'start', room: cred.room }, jsep: answer }),
              error: () => removeFeed(p.id),
            });
          }
        },
        onremotetrack: (track, mid, on) => {
          if (on) {
            if (!feed.stream.getTracks().includes(track)) feed.stream.addTrack(track);
          } else {
            feed.stream.removeTrack(track);
          }
        },
      });
    }

    function removeFeed(id) {
      const feed = room.feeds.get(id);
      if (!feed) return;
      room.feeds.delete(id);
      feed.figure.remove();
      try { feed.handle && feed.handle.detach(); } catch (e) { /* gone */ }
      updateEmptyStage();
    }

    room.mute = () => {
      room.muted = true;
      if (publisher) publisher.muteAudio();
      if (muteButton) { muteButton.textContent = TEXT.unmute; muteButton.setAttribute('aria-pressed', 'true'); }
    };
    room.unmute = () => {
      room.muted = false;
      if (publisher) publisher.unmuteAudio();
      if (muteButton) { muteButton.textContent = TEXT.mute; muteButton.setAttribute('aria-pressed', 'false'); }
    };
    /// The current speaker's endpoint: subscribed to (besides the host) until another one speaks.
    room.setSpeaker = (endpointId) => {
      const previous = room.speaker;
      room.speaker = endpointId || null;
      for (const feed of [...room.feeds.values()]) {
        if (feed.endpointId === previous && !wanted(feed.endpointId)) removeFeed(feed.id);
        feed.figure.classList.toggle('media-feed-speaker', feed.endpointId === room.speaker);
      }
      if (publisher && room.speaker) publisher.send({ message: { request: 'listparticipants', room: cred.room }, success: (r) => (r.participants || []).filter((x) => x.publisher).forEach(subscribe) });
    };
    /// { endpointId: videoWidth } of every remote video: > 0 once frames are decoded.
    room.videoWidths = () => Object.fromEntries([...room.feeds.values()].map((f) => [f.endpointId, f.video.videoWidth]));
    /// Each remote feed's endpoint and PeerConnection (for measurements: getStats, synchronization sources).
    room.feedHandles = () => [...room.feeds.values()].filter((f) => f.handle && f.handle.webrtcStuff && f.handle.webrtcStuff.pc)
      .map((f) => ({ endpointId: f.endpointId, pc: f.handle.webrtcStuff.pc }));
    /// Audio packets received from every remote feed (inbound-rtp, kind audio).
    room.inboundAudioPackets = async () => {
      let total = 0;
      for (const feed of room.feeds.values()) {
        const pc = feed.handle && feed.handle.webrtcStuff && feed.handle.webrtcStuff.pc;
        if (!pc) continue;
        (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'audio') total += s.packetsReceived || 0; });
      }
      return total;
    };
    room.leave = () => { clearTimeout(retryTimer); teardown(); setState('unavailable', 'Đã rời phòng.'); };

    if (muteButton) muteButton.addEventListener('click', () => (room.muted ? room.unmute() : room.mute()));
    window.addEventListener('pagehide', () => teardown());
    updateEmptyStage();
    start();
    return room;
  }

  function boot() {
    const root = document.querySelector('[data-media-room]');
    if (root && !root.dataset.started) {
      root.dataset.started = '1';
      window.briefingsMedia = MediaRoom(root);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
