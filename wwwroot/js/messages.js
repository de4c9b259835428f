// Live messages on top of pages that work without script: the badge follows the unread total on
// every page, and an open conversation appends new messages. The hub only says that something
// arrived; the page fetches the messages after the last one it shows, so after a dropped connection
// (or a missed push) it catches up with exactly what it lacks.
(() => {
  const signalR = window.signalR;
  if (!signalR) return;

  const chat = document.querySelector('[data-chat]');
  const list = chat && chat.querySelector('[data-messages]');
  const conversationId = chat && chat.dataset.conversation;
  const composer = chat && chat.querySelector('[data-composer]');

  const setBadges = (total) => {
    document.querySelectorAll('[data-messages-unread]').forEach((badge) => {
      badge.textContent = total > 99 ? '99+' : String(total);
      badge.hidden = total === 0;
    });
  };

  const lastShownId = () => {
    const shown = list.querySelectorAll('[data-message-id]');
    return shown.length ? shown[shown.length - 1].dataset.messageId : '0';
  };

  // One fetch at a time; news that comes during one asks for another after it.
  let fetching = false;
  let again = false;
  const catchUp = async () => {
    if (!list || !conversationId) return;
    if (fetching) { again = true; return; }
    fetching = true;
    try {
      do {
        again = false;
        const response = await fetch(`/messages/${conversationId}/after/${lastShownId()}`, { credentials: 'same-origin' });
        if (!response.ok) return;
        const template = document.createElement('template');
        template.innerHTML = await response.text();
        const fresh = [...template.content.querySelectorAll('[data-message-id]')]
          .filter((item) => !document.getElementById(item.id));
        if (fresh.length === 0) continue;
        list.append(...fresh);
        const seen = chat.querySelector('[data-seen]');
        if (seen) seen.remove();
        fresh[fresh.length - 1].scrollIntoView({ block: 'end' });
      } while (again);
    } finally {
      fetching = false;
    }
  };

  const connection = new signalR.HubConnectionBuilder()
    // WebSockets without the negotiate round trip: behind a round-robin proxy the two could reach different nodes.
    .withUrl('/messages/hub', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .build();
  connection.on('message', (id) => { if (String(id) === conversationId) catchUp(); });
  connection.on('unread', setBadges);
  connection.on('read', (id, upTo) => {
    if (!list || String(id) !== conversationId || chat.querySelector('[data-seen]')) return;
    const last = list.lastElementChild;
    if (!last || !last.classList.contains('bubble--mine') || Number(last.dataset.messageId) > upTo) return;
    const seen = document.createElement('p');
    seen.className = 'chat__seen';
    seen.dataset.seen = '';
    seen.textContent = chat.dataset.seenText;
    list.after(seen);
  });
  connection.onreconnected(catchUp);
  connection.onclose(() => setTimeout(start, 15000)); // gave up reconnecting: try again now and then
  const start = () => connection.start().then(catchUp).catch(() => setTimeout(start, 15000));
  start();

  if (composer) {
    const error = composer.querySelector('[data-composer-error]');
    composer.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = composer.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const response = await fetch(composer.action, {
          method: 'POST', body: new FormData(composer), credentials: 'same-origin', headers: { Accept: 'application/json' },
        });
        if (response.ok) {
          const sent = await response.json();
          if (!conversationId) { window.location.href = `/messages/${sent.conversationId}`; return; }
          composer.reset();
          error.textContent = '';
          catchUp();
        } else if (response.status === 400 && response.headers.get('Content-Type')?.includes('json')) {
          error.textContent = (await response.json()).error;
        } else if (response.status === 429) {
          error.textContent = composer.dataset.tooFast;
        } else {
          composer.submit(); // anything else: let the server answer the plain form
        }
      } finally {
        button.disabled = false;
      }
    });
  }

  if (list && list.lastElementChild) list.lastElementChild.scrollIntoView({ block: 'end' });
})();
