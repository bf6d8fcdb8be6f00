// The Clerk emulator's web UI: the outbox updates live. Plain JavaScript, no build step, nothing
// fetched from elsewhere; values are put into the page as text (textContent), never as HTML.
'use strict';

(function () {
  const table = document.getElementById('outbox');
  if (!table) {
    return;
  }
  const body = table.tBodies[0];
  const empty = document.getElementById('outbox-empty');
  const status = document.getElementById('outbox-status');
  let shown = null;

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function render(messages) {
    const key = messages.length + ':' + (messages.length ? messages[messages.length - 1].sent_at + messages[messages.length - 1].code : '');
    if (key === shown) {
      return;
    }
    const known = new Set(Array.from(body.rows, (r) => r.dataset.key));
    const first = shown === null;
    shown = key;
    body.textContent = '';
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      const row = document.createElement('tr');
      row.dataset.key = m.sent_at + '|' + m.recipient + '|' + m.code;
      if (!first && !known.has(row.dataset.key)) {
        row.className = 'fresh';
      }
      cell(row, m.code, 'code');
      cell(row, m.recipient);
      cell(row, m.channel);
      cell(row, m.purpose);
      const sent = new Date(m.sent_at).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const td = document.createElement('td');
      const time = document.createElement('time');
      time.dateTime = sent;
      time.textContent = sent;
      td.appendChild(time);
      row.appendChild(td);
      body.appendChild(row);
    }
    empty.hidden = messages.length > 0;
  }

  async function poll() {
    try {
      const res = await fetch(table.dataset.live, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (res.ok) {
        render((await res.json()).messages);
        status.textContent = 'updates live';
      } else {
        status.textContent = res.status === 401 ? 'signed out: reload to sign in' : 'not updating (' + res.status + ')';
      }
    } catch (e) {
      status.textContent = 'not updating: the emulator is not reachable';
    }
    setTimeout(poll, 1000);
  }

  poll();
})();
