// Suggestions under the top-bar search box while typing: topics (searched), people and products (opened).
// Without this script the box is a plain GET form to /search.
(() => {
  const form = document.querySelector('form[data-suggest]');
  if (!form) return;
  const input = form.querySelector('input[name="q"]');
  const list = document.createElement('ul');
  list.id = 'search-suggest';
  list.className = 'suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', form.dataset.label);
  list.hidden = true;
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let timer;
  let asked = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role="option"]')];

  const close = () => {
    asked++; // an answer still on its way is for a box that has moved on
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const option = (text, kind, href) => {
    const item = document.createElement('li');
    item.setAttribute('role', 'option');
    item.id = `search-suggest-${list.children.length}`;
    const link = document.createElement('a');
    link.href = href;
    link.tabIndex = -1;
    link.textContent = text;
    const label = document.createElement('span');
    label.className = 'suggest__kind';
    label.textContent = kind;
    link.append(label);
    item.append(link);
    list.append(item);
  };

  const show = (found) => {
    list.replaceChildren();
    active = -1;
    found.topics.forEach((t) => option(`#${t}`, form.dataset.topics, `/search?q=${encodeURIComponent(t)}`));
    found.people.forEach((p) => option(`${p.name} @${p.handle}`, form.dataset.people, `/u/${encodeURIComponent(p.handle)}`));
    found.products.forEach((p) => option(p.title, form.dataset.products, `/products/${p.id}`));
    list.hidden = list.children.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };

  const ask = async () => {
    const typed = input.value.trim();
    if (!typed) { close(); return; }
    const mine = ++asked;
    try {
      const response = await fetch(`/search/suggest?q=${encodeURIComponent(typed)}`, { headers: { Accept: 'application/json' } });
      if (response.ok && mine === asked) show(await response.json());
    } catch { close(); }
  };

  const move = (step) => {
    const all = options();
    if (all.length === 0) return;
    all[active]?.classList.remove('is-active');
    active = (active + step + all.length) % all.length;
    all[active].classList.add('is-active');
    input.setAttribute('aria-activedescendant', all[active].id);
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 150); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
    else if (event.key === 'Escape') close();
    else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); options()[active].querySelector('a').click(); }
  });
  // A click on a suggestion lands before the box loses focus only if the list stays a moment.
  input.addEventListener('blur', () => setTimeout(close, 200));
})();
