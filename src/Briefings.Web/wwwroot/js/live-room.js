// Live state of an online meeting: the chair's console, an endpoint's meeting view, the hall's big screen.
// The server sends the whole state on join (and again after every reconnect) and after each change its changed parts:
// listeners get "delta" (changed top-level fields, applied onto the state whose digest they name); consoles get the
// public "state" of a chair action and "console" messages of changed rows (roll-call rows, endpoints, a minutes item),
// numbered in one sequence per meeting and applied in order onto the console state they follow. Whatever does not fit
// what this page holds makes it ask for the whole state again. A listener's state has no endpoint list (thousands in a
// national meeting): an endpoint view gets its own flags as "endpoint". A console's state carries the roll call's rows
// only in a small meeting; otherwise the endpoints' counts and the totals, and an endpoint's rows are asked for
// ("RollCallRows") when its group is opened. Other scripts
// (the media module) can listen to:
//   document "briefings:state"  detail = the state
//   document "briefings:mute"   detail = { muted }
(function () {
    "use strict";
    const root = document.getElementById("live-room");
    if (!root || root.dataset.started) {
        return;
    }
    root.dataset.started = "1";

    const view = root.dataset.view;
    const meetingId = root.dataset.meeting;
    const endpointId = root.dataset.endpoint || null;
    const $ = (id) => document.getElementById(id);
    let state = null;
    let mine = null; // this endpoint view's own flags (muted, host), with the time they were read
    let declined = null; // this endpoint's latest request to speak, when the chair took it out without giving the floor
    let clockOffset = 0; // local clock minus server clock, in ms
    let online = false;

    // ---- small DOM helpers (text is always set as text, never as HTML) ----
    function h(tag, attrs, ...children) {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            if (v === null || v === undefined || v === false) continue;
            if (k === "class") el.className = v;
            else if (k.startsWith("on")) el.addEventListener(k.substring(2), v);
            else el.setAttribute(k, v === true ? "" : v);
        }
        for (const c of children.flat()) {
            if (c === null || c === undefined || c === false) continue;
            el.append(c instanceof Node ? c : document.createTextNode(String(c)));
        }
        return el;
    }
    const two = (n) => String(n).padStart(2, "0");
    const clock = (ms) => {
        const s = Math.floor(Math.abs(ms) / 1000);
        return `${two(Math.floor(s / 60))}:${two(s % 60)}`;
    };
    const timeOf = (iso) => {
        if (!iso) return "";
        const d = new Date(iso);
        return d.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
    };
    const serverNow = () => Date.now() - clockOffset;

    // ---- connection ----
    // WebSockets without the negotiate request: a connection is then one request, so behind nginx with several app
    // instances it needs no sticky sessions (docs/deploy.md). Reconnects are spread over a random second or two:
    // when an instance dies, its thousands of listeners must not all knock on the survivor in the same millisecond.
    const connection = new signalR.HubConnectionBuilder()
        .withUrl(root.dataset.hub, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 200 + ctx.previousRetryCount * 1500 + Math.random() * 2000) })
        .build();
    connection.serverTimeoutInMilliseconds = 20000;
    connection.keepAliveIntervalInMilliseconds = 8000;

    function setOnline(value, text) {
        online = value;
        root.classList.toggle("offline", !value);
        const el = $("conn-state");
        el.textContent = text;
        el.className = "conn " + (value ? "conn-ok" : "conn-lost");
        // Actions need the server; the minutes editor stays usable (its text is kept and saved on reconnect).
        root.querySelectorAll("button, select:not(#minutes-item), input").forEach((b) => { b.disabled = !value; });
        if (value) render();
    }

    async function join() {
        const reply = await connection.invoke("Join", meetingId, endpointId, view === "console");
        if (!reply.ok) {
            setOnline(false, reply.error || "Không vào được phòng họp.");
            return false;
        }
        if (reply.endpoint) takeMine(reply.endpoint, true);
        if (view === "console") takeConsoleState(reply.state);
        else apply(reply.state);
        setOnline(true, "Đã kết nối — trạng thái cập nhật trực tiếp.");
        if (view === "console") flushMinutes();
        return true;
    }

    async function start() {
        for (let attempt = 0; ; attempt++) {
            try {
                await connection.start();
                await join();
                return;
            } catch (e) {
                setOnline(false, "Mất kết nối với máy chủ — đang thử kết nối lại…");
                await new Promise((r) => setTimeout(r, Math.min(10000, 1000 + attempt * 1500)));
            }
        }
    }

    connection.on("state", (s) => (view === "console" ? takeConsoleState(s) : apply(s)));

    // ---- the console's state: whole on join, then numbered changed rows ----
    // A state without a console number is the public state of a chair action: the console keeps the endpoints, roll call
    // and minutes it holds. A whole console state read before the public parts held brings its rows and number only.
    // The roll call's rows are held per endpoint (groupRows), not in the state: a small meeting's whole state brings them
    // all; a national one's brings only the endpoints' counts and the totals (state.rollCall), and an endpoint's rows are
    // asked for ("RollCallRows") when the clerk opens its group. Rows of groups not loaded are dropped from the changed-row
    // messages; the endpoints those messages carry (present / marked / required) move the totals.
    const pendingRows = new Map(); // number -> "console" message not yet applied
    let gapTimer = null;
    const consoleParts = (from) => ({ endpoints: from.endpoints, minutes: from.minutes, consoleSequence: from.consoleSequence, rollCall: from.rollCall });
    function takeConsoleState(s) {
        if (s.consoleSequence == null) {
            apply(state && state.consoleSequence != null ? Object.assign({}, s, consoleParts(state)) : s);
        } else {
            takeWholeRollCall(s);
            if (state && Date.parse(s.now) < Date.parse(state.now)) {
                apply(Object.assign({}, state, consoleParts(s)));
            } else {
                apply(s);
            }
        }
        drainRows();
    }
    connection.on("console", (d) => {
        pendingRows.set(d.sequence, d);
        drainRows();
    });
    // Applies the messages that follow the number held, in order. One after a gap waits 2 s for the missing one (two app
    // instances may deliver out of order), then the whole console state is asked for.
    function drainRows() {
        if (!state || state.consoleSequence == null) return; // the whole state (join) is on its way
        for (const n of [...pendingRows.keys()]) if (n <= state.consoleSequence) pendingRows.delete(n);
        const changed = { endpoints: [], attendance: [], minutes: false };
        let d;
        while ((d = pendingRows.get(state.consoleSequence + 1))) {
            pendingRows.delete(d.sequence);
            applyRows(d, changed);
        }
        clearTimeout(gapTimer);
        gapTimer = pendingRows.size > 0 ? setTimeout(askWholeConsoleState, 2000) : null;
        if (changed.endpoints.length || changed.attendance.length || changed.minutes) renderRows(changed);
    }
    function askWholeConsoleState() {
        gapTimer = null;
        connection.invoke("CurrentConsoleState", meetingId).then((reply) => { if (reply.ok) takeConsoleState(reply.state); }).catch(() => {});
    }

    const groupRows = new Map(); // endpoint id -> its roll-call rows, for the groups loaded
    const fetching = new Map(); // endpoint id -> { token, buffered: [{ sequence, row }] } while its rows are asked for
    let fetchToken = 0;
    let wholeRows = false; // the last whole state carried every row (a small meeting)
    // A whole console state: every row (small meeting), or the groups this console had loaded (or opened) asked for again,
    // since a state after a gap may follow messages whose rows they missed.
    function takeWholeRollCall(s) {
        if (Array.isArray(s.attendance)) {
            fetching.clear();
            groupRows.clear();
            for (const e of s.endpoints) groupRows.set(e.id, []);
            for (const a of s.attendance) {
                if (!groupRows.has(a.endpointId)) groupRows.set(a.endpointId, []);
                groupRows.get(a.endpointId).push(a);
            }
            wholeRows = true;
        } else {
            const again = new Set(fetching.keys());
            for (const id of groupRows.keys()) if (!wholeRows || (groups.get(id) && groups.get(id).open)) again.add(id);
            for (const [id, group] of groups) if (group.open) again.add(id);
            if (wholeRows) groupRows.clear();
            wholeRows = false;
            fetchGroups([...again]);
        }
        delete s.attendance; // the rows live in groupRows from here on
    }
    // The hub gives at most rowsUpTo endpoints' rows per call (OnlineRoom:RollCallRowsUpTo): more are asked for in batches.
    const rowsUpTo = Math.max(1, parseInt(root.dataset.rowsUpTo, 10) || 50);
    function fetchGroups(ids) {
        if (!ids.length) return;
        if (ids.length > rowsUpTo) {
            for (let i = 0; i < ids.length; i += rowsUpTo) fetchGroups(ids.slice(i, i + rowsUpTo));
            return;
        }
        const token = ++fetchToken;
        for (const id of ids) fetching.set(id, { token, buffered: [] });
        ids.forEach(renderGroup);
        const failed = () => {
            for (const id of ids) if (fetching.get(id)?.token === token) fetching.delete(id);
            ids.forEach(renderGroup);
        };
        connection.invoke("RollCallRows", meetingId, ids).then((reply) => {
            if (!reply.ok) {
                $("action-error").textContent = reply.error;
                $("action-error").hidden = false;
                failed();
                return;
            }
            takeGroupRows(reply.rows, token);
        }).catch(failed);
    }
    // The rows include every change numbered up to rows.sequence; the messages applied meanwhile with a higher number
    // (kept for the group while it was asked for) apply onto them.
    function takeGroupRows(r, token) {
        const byEndpoint = new Map(r.endpoints.map((id) => [id, []]));
        for (const a of r.attendance) if (byEndpoint.has(a.endpointId)) byEndpoint.get(a.endpointId).push(a);
        for (const [id, list] of byEndpoint) {
            const f = fetching.get(id);
            if (!f || f.token !== token) continue; // asked for again since: that answer is the one to take
            fetching.delete(id);
            for (const b of f.buffered) if (b.sequence > r.sequence) replaceRow(list, b.row);
            groupRows.set(id, list);
            renderGroup(id);
        }
    }
    function replaceRow(list, a) {
        const i = list.findIndex((x) => x.invitationId === a.invitationId);
        if (i >= 0) list[i] = a;
        return i >= 0;
    }

    const endpointIndex = new Map(); // endpoint id -> index in state.endpoints
    let indexed = null;
    function reindex() {
        if (indexed !== state.endpoints) {
            endpointIndex.clear();
            state.endpoints.forEach((e, i) => endpointIndex.set(e.id, i));
        }
        indexed = state.endpoints;
    }
    // Rows replace the held ones in place (thousands of endpoints in a national meeting); an endpoint's new counts move
    // the totals by their difference.
    function applyRows(d, changed) {
        reindex();
        for (const e of d.endpoints) {
            const i = endpointIndex.get(e.id);
            if (i === undefined) continue;
            const old = state.endpoints[i];
            if (state.rollCall) {
                state.rollCall.marked += e.marked - old.marked;
                state.rollCall.present += e.present - old.present;
                state.rollCall.total += e.required - old.required;
            }
            state.endpoints[i] = e;
            changed.endpoints.push(e);
        }
        for (const a of d.attendance) {
            const list = groupRows.get(a.endpointId);
            if (list && replaceRow(list, a)) changed.attendance.push(a);
            const f = fetching.get(a.endpointId);
            if (f) f.buffered.push({ sequence: d.sequence, row: a });
        }
        for (const m of d.minutes) {
            const i = (state.minutes || []).findIndex((x) => x.order === m.order);
            if (i >= 0) { state.minutes[i] = m; changed.minutes = true; }
        }
        state.consoleSequence = d.sequence;
    }
    // Listeners get only the changed parts of the state, with the digest of the state they apply onto; a delta that
    // does not fit what this page holds (a missed change, another app instance in between) fetches the whole state.
    connection.on("delta", (d) => {
        if (!state || Date.parse(d.now) < Date.parse(state.now) || d.digest === state.digest) return;
        if (d.from !== state.digest) {
            connection.invoke("CurrentState", meetingId).then((reply) => { if (reply.ok) apply(reply.state); }).catch(() => {});
            return;
        }
        apply(Object.assign({}, state, d.changes, { now: d.now, digest: d.digest }));
    });
    connection.on("endpoint", (m) => { if (takeMine(m) && state) render(); });
    function takeMine(m, joined) {
        if (mine && Date.parse(m.now) < Date.parse(mine.now)) return false; // overtaken by a newer one
        mine = m;
        // A request the chair declined: told on joining (null there means none) and when it happens; the presence
        // messages do not carry it, so the view keeps what it shows until the endpoint asks again.
        if (joined || m.declined) declined = m.declined || null;
        return true;
    }
    // Redis lost or back (the console's notice that the room runs on one app instance only).
    const showScale = (single) => { const n = $("scale-notice"); if (n) n.hidden = !single; };
    connection.on("scale", (x) => showScale(x && x.singleInstance));
    connection.onreconnecting(() => setOnline(false, "Mất kết nối với máy chủ — đang kết nối lại… Nội dung đang nhập được giữ nguyên."));
    connection.onreconnected(() => join().catch(() => {}));
    connection.onclose(() => {
        setOnline(false, "Mất kết nối với máy chủ — đang kết nối lại…");
        start();
    });

    async function act(method, ...args) {
        const error = $("action-error");
        error.hidden = true;
        try {
            const reply = await connection.invoke(method, meetingId, ...args);
            if (!reply.ok) {
                error.textContent = reply.error;
                error.hidden = false;
            }
            return reply;
        } catch (e) {
            error.textContent = "Chưa gửi được vì mất kết nối. Vui lòng thử lại khi đã kết nối.";
            error.hidden = false;
            return { ok: false };
        }
    }

    function apply(s) {
        if (state && Date.parse(s.now) < Date.parse(state.now)) {
            return; // an older state overtaken by a newer one (two app instances may answer out of order)
        }
        state = s;
        clockOffset = Date.now() - Date.parse(s.now);
        showScale(s.singleInstance);
        render();
        document.dispatchEvent(new CustomEvent("briefings:state", { detail: s }));
        // The media module (if on the page) shows whoever has the floor large.
        const media = window.briefingsMedia;
        const speaker = s.current ? s.current.endpointId : null;
        if (media && typeof media.setSpeaker === "function" && media.speaker !== speaker) media.setSpeaker(speaker);
    }

    // ---- rendering shared by the three views ----
    function currentItem() {
        return state.agenda.find((a) => a.order === state.currentOrder) || null;
    }

    function renderCurrentItem() {
        const el = $("current-item");
        if (!el) return;
        const item = currentItem();
        el.textContent = item ? `${item.order}. ${item.title}` : "Chưa bắt đầu nội dung nào.";
    }

    function speechTimer(speech) {
        const planned = speech.plannedMinutes * 60000;
        const elapsed = serverNow() - Date.parse(speech.startedAt);
        const left = planned - elapsed;
        return { elapsed, left, over: left < 0 };
    }

    function renderCurrentSpeech() {
        const box = $("current-speech");
        if (!box) return;
        box.replaceChildren();
        const s = state.current;
        if (!s) {
            box.append(h("p", { class: "muted" }, "Chưa có ai phát biểu."));
            return;
        }
        const t = speechTimer(s);
        box.append(
            h("p", { class: "speaker-unit", id: "current-unit" }, s.unitName),
            h("p", { class: "speaker-topic" }, s.topic),
            h("p", { class: "timer" + (t.over ? " timer-over" : ""), id: "speech-timer", "aria-live": "off" },
                t.over ? `Quá giờ ${clock(t.left)}` : `Còn ${clock(t.left)}`,
                h("span", { class: "muted small" }, ` / ${s.plannedMinutes} phút, bắt đầu ${timeOf(s.startedAt)}`)));
        if (view === "console") {
            box.append(h("button", { type: "button", class: "btn btn-danger", id: "stop-btn", onclick: () => act("StopSpeech"), disabled: !online }, "Kết thúc phát biểu"));
        }
    }

    function tickTimer() {
        const el = $("speech-timer");
        if (!el || !state || !state.current) return;
        const t = speechTimer(state.current);
        el.firstChild.textContent = t.over ? `Quá giờ ${clock(t.left)}` : `Còn ${clock(t.left)}`;
        el.classList.toggle("timer-over", t.over);
    }
    setInterval(tickTimer, 1000);

    const sourceName = { Registered: "Đăng ký trước", Live: "Xin phát biểu", AddedByChair: "Chủ trì mời" };

    function renderQueue() {
        const list = $("queue");
        if (!list) return;
        list.replaceChildren();
        if (state.queue.length === 0) {
            list.append(h("li", { class: "muted empty" }, "Chưa có lượt phát biểu nào đang chờ."));
            return;
        }
        state.queue.forEach((s, i) => {
            const mine = endpointId && s.endpointId === endpointId;
            const li = h("li", { class: "speech" + (mine ? " mine" : ""), "data-speech": s.id },
                h("span", { class: "speech-unit" }, s.unitName),
                h("span", { class: "speech-topic" }, s.topic),
                h("span", { class: "muted small" }, `${sourceName[s.source] || ""} · ${s.plannedMinutes} phút`));
            if (view === "console") {
                li.append(h("span", { class: "speech-actions" },
                    h("button", { type: "button", class: "btn btn-small btn-primary", onclick: () => act("StartSpeech", s.id), disabled: !online, "aria-label": `Mời phát biểu: ${s.unitName}` }, "Mời phát biểu"),
                    h("button", { type: "button", class: "btn btn-small", onclick: () => act("MoveSpeech", s.id, i - 1), disabled: !online || i === 0, "aria-label": `Lên trên: ${s.unitName}` }, "↑"),
                    h("button", { type: "button", class: "btn btn-small", onclick: () => act("MoveSpeech", s.id, i + 1), disabled: !online || i === state.queue.length - 1, "aria-label": `Xuống dưới: ${s.unitName}` }, "↓"),
                    h("button", { type: "button", class: "btn btn-small", onclick: () => act("Withdraw", s.id), disabled: !online, "aria-label": `Bỏ khỏi danh sách: ${s.unitName}` }, "Bỏ")));
            }
            list.append(li);
        });
        if (view === "display") {
            while (list.children.length > 4) list.lastChild.remove();
        }
    }

    function renderMedia() {
        const el = $("media-state");
        if (!el) return;
        if (view === "console") {
            el.textContent = state.mediaUnavailable
                ? `Đang báo sự cố hình ảnh${state.mediaNote ? ": " + state.mediaNote : ""}. Điểm danh, phát biểu, biên bản vẫn hoạt động bình thường.`
                : "Hình ảnh, âm thanh hoạt động bình thường.";
            el.className = state.mediaUnavailable ? "alert alert-error" : "muted";
            const box = $("media-unavailable");
            if (box && document.activeElement !== box) box.checked = state.mediaUnavailable;
        } else {
            el.hidden = !state.mediaUnavailable;
            el.textContent = `Hình ảnh trực tuyến tạm gián đoạn${state.mediaNote ? " (" + state.mediaNote + ")" : ""}. Cuộc họp vẫn tiếp tục; danh sách phát biểu vẫn cập nhật.`;
        }
    }

    // ---- the endpoint view ----
    function myEndpoint() {
        return (mine && mine.endpoint) || state.endpoints.find((e) => e.id === endpointId) || null;
    }

    function renderMine() {
        if (!endpointId || !$("my-request")) return;
        const waiting = state.queue.find((s) => s.endpointId === endpointId && s.source === "Live");
        const speaking = state.current && state.current.endpointId === endpointId;
        if (declined && ((waiting && waiting.id !== declined.id) || speaking)) declined = null; // asked again, or given the floor
        const ended = !!state.endedAt;
        const text = ended ? `Cuộc họp đã bế mạc lúc ${new Date(state.endedAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" })}: không xin phát biểu được nữa.`
            : speaking ? "Điểm cầu của bạn đang phát biểu."
            : waiting ? `Đã xin phát biểu — thứ tự ${state.queue.indexOf(waiting) + 1} trong danh sách chờ.`
            : declined ? `Chủ trì chưa mời phát biểu: yêu cầu “${declined.topic}” đã được bỏ khỏi danh sách chờ. Có thể xin phát biểu lại nếu cần.`
            : "Chưa xin phát biểu.";
        $("my-request").textContent = text;
        $("my-request").className = ended ? "alert alert-warning" : speaking || waiting ? "status-strong" : declined ? "alert alert-error" : "muted";
        $("request-btn").hidden = !!waiting || ended;
        $("request-topic").disabled = ended || !online;
        $("withdraw-btn").hidden = !waiting || ended;
        $("withdraw-btn").dataset.speech = waiting ? waiting.id : "";
        const me = myEndpoint();
        const muted = me ? me.muted : false;
        const mute = $("mute-btn");
        mute.textContent = muted ? "Bật micro" : "Tắt micro";
        mute.setAttribute("aria-pressed", muted ? "true" : "false");
        mute.classList.toggle("btn-danger", muted);
    }

    // Others are muted while one speaks: when the floor goes to another room this room mutes itself, and
    // unmutes when it gets the floor (the host room, where the chair sits, is left alone). The media module
    // applies it to the microphone through the "briefings:mute" event.
    let lastCurrent;
    function setMicrophone(muted) {
        document.dispatchEvent(new CustomEvent("briefings:mute", { detail: { muted } }));
        const media = window.briefingsMedia;
        if (media) muted ? media.mute() : media.unmute();
    }

    function followFloor() {
        const me = myEndpoint();
        if (!me || me.isHost) return;
        const current = state.current ? state.current.id : null;
        if (current === lastCurrent) return;
        lastCurrent = current;
        if (!state.current) return;
        const muted = state.current.endpointId !== endpointId;
        if (me.muted === muted) return;
        setMicrophone(muted);
        if (online) connection.invoke("SetMuted", meetingId, endpointId, muted).catch(() => {});
    }

    if (view === "room" && endpointId) {
        $("request-form").addEventListener("submit", async (e) => {
            e.preventDefault();
            const reply = await act("RequestToSpeak", endpointId, $("request-topic").value);
            if (reply.ok) $("request-topic").value = "";
        });
        $("withdraw-btn").addEventListener("click", () => act("Withdraw", $("withdraw-btn").dataset.speech));
        $("mute-btn").addEventListener("click", async () => {
            const me = myEndpoint();
            const muted = !(me && me.muted);
            setMicrophone(muted);
            await act("SetMuted", endpointId, muted);
        });
        setInterval(() => {
            if (online) connection.invoke("Heartbeat", meetingId, endpointId).catch(() => {});
        }, 20000);
    }

    // ---- the console ----
    function renderAgenda() {
        const list = $("agenda");
        list.replaceChildren();
        for (const item of state.agenda) {
            const current = item.order === state.currentOrder;
            list.append(h("li", { class: current ? "current" : "", "aria-current": current ? "step" : null },
                h("span", { class: "agenda-title" }, `${item.order}. ${item.title}`),
                h("span", { class: "muted small" }, [item.presenter, item.plannedMinutes ? `${item.plannedMinutes} phút` : null].filter(Boolean).join(" · ")),
                current ? h("span", { class: "tag tag-ok" }, "Đang thảo luận")
                    : h("button", { type: "button", class: "btn btn-small", onclick: () => act("SetCurrentItem", item.order), disabled: !online }, "Chuyển sang mục này")));
        }
    }

    const tiles = new Map(); // endpoint id -> its tile
    function endpointTile(e, now) {
        const stale = e.lastSeen && now - Date.parse(e.lastSeen) > 60000;
        const connected = e.connected && !stale;
        return h("li", { class: "endpoint-tile " + (connected ? "on" : "off"), "data-endpoint": e.id },
            h("span", { class: "endpoint-name" }, e.name, e.isHost ? h("span", { class: "tag tag-muted" }, "Chính") : null),
            h("span", { class: "endpoint-flags" },
                h("span", { class: "flag " + (connected ? "ok" : "bad") }, connected ? "● Kết nối" : "○ Chưa kết nối"),
                h("span", { class: "flag " + (e.audio ? "ok" : "") }, e.audio ? "Âm thanh ✓" : "Âm thanh –"),
                h("span", { class: "flag " + (e.video ? "ok" : "") }, e.video ? "Hình ✓" : "Hình –"),
                e.muted ? h("span", { class: "flag bad" }, "Tắt micro") : null),
            h("span", { class: "muted small" }, `Có mặt ${e.present}/${e.required}` + (e.lastSeen ? ` · thấy lúc ${timeOf(e.lastSeen)}` : "")));
    }

    function renderEndpoints() {
        const grid = $("endpoints");
        const now = serverNow();
        tiles.clear();
        grid.replaceChildren(...state.endpoints.map((e) => {
            const tile = endpointTile(e, now);
            tiles.set(e.id, tile);
            return tile;
        }));
        const select = $("add-endpoint");
        if (select && document.activeElement !== select) {
            const chosen = select.value;
            select.replaceChildren(...state.endpoints.map((e) => h("option", { value: e.id }, e.name)));
            if (chosen) select.value = chosen;
        }
    }

    const statusNames = { Unmarked: "Chưa điểm danh", InRoom: "Có mặt tại hội trường", Online: "Dự trực tuyến", Absent: "Vắng mặt", Substitute: "Dự thay" };
    const rows = new Map();

    function rollRow(a) {
        const id = a.invitationId;
        const status = h("select", { "aria-label": `Điểm danh: ${a.personName}`, class: "rc-status" },
            ...["InRoom", "Online", "Absent", "Substitute"].map((k) => h("option", { value: k }, statusNames[k])));
        const reason = h("input", { class: "rc-reason", maxlength: "500", placeholder: "Lý do vắng", "aria-label": `Lý do vắng: ${a.personName}` });
        const substitute = h("input", { class: "rc-sub", maxlength: "200", placeholder: "Họ tên người dự thay", "aria-label": `Người dự thay: ${a.personName}` });
        const save = h("button", { type: "submit", class: "btn btn-small" }, "Lưu");
        const shown = h("span", { class: "rc-state" });
        const form = h("form", { class: "rc-row", "data-invitation": id },
            h("span", { class: "rc-person" }, h("strong", {}, a.personName), h("span", { class: "muted small" }, ` ${a.title} · Trả lời: ${a.answer}${a.answerNote ? " (" + a.answerNote + ")" : ""}`)),
            shown, status, h("span", { class: "rc-extra" }, reason, substitute), save);
        const sync = () => {
            reason.hidden = status.value !== "Absent";
            substitute.hidden = status.value !== "Substitute";
        };
        status.addEventListener("change", () => { form.dataset.editing = "1"; sync(); });
        reason.addEventListener("input", () => { form.dataset.editing = "1"; });
        substitute.addEventListener("input", () => { form.dataset.editing = "1"; });
        form.addEventListener("submit", async (e) => {
            e.preventDefault();
            const reply = await act("MarkAttendance", id, status.value, reason.value, substitute.value);
            if (reply.ok) delete form.dataset.editing;
        });
        form.update = (x) => {
            shown.textContent = statusNames[x.status] + (x.reason ? `: ${x.reason}` : "") + (x.substituteName ? `: ${x.substituteName}` : "");
            shown.className = "rc-state tag " + (x.status === "Unmarked" ? "tag-muted" : x.status === "Absent" ? "" : "tag-ok");
            if (!form.dataset.editing) {
                // Until marked, suggest what the invitation's answer said.
                status.value = x.status !== "Unmarked" ? x.status
                    : x.answer === "Vắng mặt" ? "Absent" : x.answer === "Cử người dự thay" ? "Substitute" : "InRoom";
                reason.value = x.reason || (x.status === "Unmarked" && x.answer === "Vắng mặt" ? x.answerNote || "" : "");
                substitute.value = x.substituteName || (x.status === "Unmarked" && x.answer === "Cử người dự thay" ? x.answerNote || "" : "");
                sync();
            }
        };
        return form;
    }

    const groups = new Map(); // endpoint id -> its <details> in the roll call
    // The totals the server counted (state.rollCall), kept current from the endpoints' counts: no rows needed.
    function renderRollSummary() {
        const t = state.rollCall || { marked: 0, present: 0, total: 0 };
        $("rollcall-summary").textContent = `Đã điểm danh ${t.marked}/${t.total} người; có mặt ${t.present}.`;
    }
    const groupTitle = (e) => `${e.name} — có mặt ${e.present}/${e.required}` + (e.marked ? `, đã điểm danh ${e.marked}` : "");

    // One <details> per endpoint; its rows are drawn when they are held (all of a small meeting, or those of the groups
    // opened), and opening a group whose rows are not held asks for them.
    function renderRollCall() {
        const box = $("rollcall");
        renderRollSummary();
        for (const e of state.endpoints) {
            let group = groups.get(e.id);
            if (!group) {
                group = h("details", { "data-endpoint": e.id }, h("summary", {}), h("div", { class: "rc-list" }));
                group.addEventListener("toggle", () => {
                    if (group.open && !groupRows.has(e.id) && !fetching.has(e.id)) fetchGroups([e.id]);
                });
                groups.set(e.id, group);
                box.append(group);
            }
            group.querySelector("summary").textContent = groupTitle(e);
            renderGroup(e.id);
        }
    }

    function renderGroup(id) {
        const group = groups.get(id);
        if (!group) return;
        const inner = group.querySelector(".rc-list");
        const list = groupRows.get(id);
        if (!list) {
            if (!fetching.has(id) && !group.open) {
                inner.replaceChildren();
                return;
            }
            inner.replaceChildren(h("p", { class: "muted small rc-note", role: "status" },
                fetching.has(id) ? "Đang tải danh sách…" : "Chưa tải được danh sách. Đóng rồi mở lại để thử lại."));
            return;
        }
        if (!list.length) {
            inner.replaceChildren(h("p", { class: "muted small rc-note" }, "Điểm cầu này không có người được mời."));
            return;
        }
        const forms = list.map((a) => {
            let row = rows.get(a.invitationId);
            if (!row) {
                row = rollRow(a);
                rows.set(a.invitationId, row);
            }
            row.update(a);
            return row;
        });
        // Re-attached only when the order changed: a row being edited keeps its focus.
        if (inner.children.length !== forms.length || forms.some((f, i) => inner.children[i] !== f)) inner.replaceChildren(...forms);
    }

    // Only what a "console" message changed: those tiles, roll-call rows and group titles, the counts, the minutes.
    function renderRows(changed) {
        if (view !== "console") return;
        const now = serverNow();
        for (const e of changed.endpoints) {
            const old = tiles.get(e.id);
            if (old) {
                const tile = endpointTile(e, now);
                old.replaceWith(tile);
                tiles.set(e.id, tile);
            }
            const group = groups.get(e.id);
            if (group) group.querySelector("summary").textContent = groupTitle(e);
        }
        for (const a of changed.attendance) {
            const row = rows.get(a.invitationId);
            if (row) row.update(a);
        }
        if (changed.endpoints.length) renderRollSummary();
        if (changed.minutes) renderMinutes();
        document.dispatchEvent(new CustomEvent("briefings:state", { detail: state }));
    }

    // Minutes: typed text is saved a moment after typing stops, on leaving the field and after a reconnect;
    // a copy stays in this browser until the server has it.
    const editors = new Map(); // order -> { text, base, dirty, saving }
    const storeKey = (order) => `briefings:minutes:${meetingId}:${order}`;

    function editorFor(order) {
        if (!editors.has(order)) {
            const kept = localStorage.getItem(storeKey(order));
            editors.set(order, { text: kept ?? "", base: 0, dirty: kept !== null, saving: false, known: false });
        }
        return editors.get(order);
    }

    // The minutes editor shows the item under discussion: when the chair moves on, it follows, unless the secretary is
    // typing or has unsaved text in the item shown (it follows at the next change after that). An item the secretary
    // picks by hand stays until the chair moves again. Without this, notes typed during item 3 were saved under item 1.
    let minutesFollowed = null;
    function renderMinutes() {
        const select = $("minutes-item");
        if (select.options.length !== state.agenda.length) {
            select.replaceChildren(...state.agenda.map((a) => h("option", { value: a.order }, `${a.order}. ${a.title}`)));
            if (state.currentOrder) select.value = state.currentOrder;
            minutesFollowed = state.currentOrder;
        }
        if (state.currentOrder && state.currentOrder !== minutesFollowed) {
            const shown = editors.get(Number(select.value));
            if (!(shown && shown.dirty) && document.activeElement !== $("minutes-text")) {
                select.value = state.currentOrder;
                minutesFollowed = state.currentOrder;
            }
        }
        for (const m of state.minutes || []) {
            const ed = editorFor(m.order);
            if (!ed.dirty && !ed.saving) {
                ed.text = m.text;
                ed.base = m.revision;
            } else if (!ed.known) {
                ed.base = m.revision; // text kept in this browser from before a reload
            }
            ed.known = true;
            ed.updatedBy = m.updatedBy;
            ed.updatedAt = m.updatedAt;
        }
        showEditor();
    }

    function showEditor() {
        const order = Number($("minutes-item").value);
        const ed = editorFor(order);
        const area = $("minutes-text");
        if (area.value !== ed.text && !(document.activeElement === area && ed.dirty)) area.value = ed.text;
        $("minutes-status").textContent = ed.dirty ? "Chưa lưu — sẽ tự động lưu…"
            : ed.updatedAt ? `Đã lưu lúc ${timeOf(ed.updatedAt)} (${ed.updatedBy}), phiên bản ${ed.base}.` : "Chưa có nội dung.";
    }

    let saveTimer = null;
    async function saveMinutes(order) {
        const ed = editorFor(order);
        if (!ed.dirty || ed.saving || !online) return;
        ed.saving = true;
        const text = ed.text;
        try {
            const reply = await connection.invoke("SaveMinutes", meetingId, order, text, ed.base);
            if (!reply.ok) {
                $("minutes-status").textContent = reply.error;
                return;
            }
            const saved = reply.minutes;
            if (saved.conflict) {
                // Someone else saved in between: keep both texts, theirs first, and save the merge.
                ed.text = saved.text + "\n\n--- Phần bạn nhập cùng lúc với người khác (đã lưu thành một phiên bản riêng) ---\n" + text;
                ed.base = saved.revision;
                ed.dirty = true;
                $("minutes-text").value = ed.text;
                $("action-error").textContent = "Biên bản mục này vừa được người khác sửa. Nội dung của bạn được giữ lại bên dưới; vui lòng xem lại.";
                $("action-error").hidden = false;
            } else {
                ed.base = saved.revision;
                ed.updatedAt = new Date(serverNow()).toISOString();
                if (ed.text === text) {
                    ed.dirty = false;
                    localStorage.removeItem(storeKey(order));
                }
            }
        } catch (e) {
            // Offline: the text stays here and in this browser's storage; it is saved after reconnecting.
        } finally {
            ed.saving = false;
            if (Number($("minutes-item").value) === order) showEditor();
            if (ed.dirty) scheduleSave(order);
        }
    }

    function scheduleSave(order) {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => saveMinutes(order), 1200);
    }

    function flushMinutes() {
        for (const [order, ed] of editors) if (ed.dirty) saveMinutes(order);
    }

    if (view === "console") {
        $("minutes-item").addEventListener("change", () => { minutesFollowed = state.currentOrder; showEditor(); });
        $("minutes-text").addEventListener("input", () => {
            const order = Number($("minutes-item").value);
            const ed = editorFor(order);
            ed.text = $("minutes-text").value;
            ed.dirty = true;
            localStorage.setItem(storeKey(order), ed.text);
            $("minutes-status").textContent = "Chưa lưu — sẽ tự động lưu…";
            scheduleSave(order);
        });
        $("minutes-text").addEventListener("blur", () => saveMinutes(Number($("minutes-item").value)));
        $("add-speech-form").addEventListener("submit", async (e) => {
            e.preventDefault();
            const reply = await act("AddSpeech", $("add-endpoint").value, $("add-topic").value, Number($("add-minutes").value || 5));
            if (reply.ok) $("add-topic").value = "";
        });
        $("media-form").addEventListener("submit", (e) => {
            e.preventDefault();
            act("SetMediaUnavailable", $("media-unavailable").checked, $("media-note").value);
        });
        setInterval(() => { if (state) renderEndpoints(); }, 15000);
    }

    function render() {
        if (!state) return;
        renderCurrentItem();
        renderCurrentSpeech();
        renderQueue();
        renderMedia();
        if (view === "room" && endpointId) {
            renderMine();
            followFloor();
        }
        if (view === "console") {
            renderAgenda();
            // The endpoint grid and the roll call's groups (thousands in a national meeting) are drawn whole only when a
            // whole console state brought a new endpoint list; a chair action's public state keeps them as they are.
            if (drawn !== state.endpoints) {
                renderEndpoints();
                renderRollCall();
            }
            drawn = state.endpoints;
            renderMinutes();
        }
    }
    let drawn = null; // the endpoint list drawn (a whole console state brings a new one)

    start();
})();
