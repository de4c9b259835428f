// The posting form, improved: photo previews you can reorder (the first is the cover), live
// character counts, #topic and @mention suggestions, and an upload
// progress bar. The form works as a plain multipart post without any of it.
(() => {
  const form = document.querySelector("[data-composer]");
  if (!form) return;
  const input = form.querySelector("[data-photo-input]");
  const previews = form.querySelector("[data-previews]");
  let files = [];

  // Characters as people count them: an emoji or a Chinese character is one.
  const segmenter = "Segmenter" in Intl ? new Intl.Segmenter() : null;
  const length = (text) => (segmenter ? Array.from(segmenter.segment(text)).length : Array.from(text).length);

  form.querySelectorAll("[data-counter-for]").forEach((counter) => {
    const field = form.querySelector("#" + counter.dataset.counterFor);
    const max = Number(counter.dataset.max);
    const show = () => {
      const used = length(field.value);
      counter.textContent = `${used}/${max}`;
      counter.classList.toggle("is-over", used > max);
    };
    field.addEventListener("input", show);
    show();
  });

  const syncInput = () => {
    const transfer = new DataTransfer();
    files.forEach((file) => transfer.items.add(file));
    input.files = transfer.files;
  };

  const move = (from, to) => {
    if (to < 0 || to >= files.length) return;
    const [file] = files.splice(from, 1);
    files.splice(to, 0, file);
    render();
  };

  const button = (label, text, action) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "previews__button";
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  };

  const render = () => {
    previews.querySelectorAll("img").forEach((img) => URL.revokeObjectURL(img.src));
    previews.replaceChildren(...files.map((file, index) => {
      const item = document.createElement("li");
      item.className = "previews__item";
      const img = document.createElement("img");
      img.src = URL.createObjectURL(file);
      img.alt = file.name;
      item.append(img);
      if (index === 0) {
        const cover = document.createElement("span");
        cover.className = "previews__cover";
        cover.textContent = form.dataset.coverLabel || "★";
        item.append(cover);
      }
      const tools = document.createElement("div");
      tools.className = "previews__tools";
      tools.append(
        button("←", "←", () => move(index, index - 1)),
        button("→", "→", () => move(index, index + 1)),
        button("×", "×", () => { files.splice(index, 1); render(); }),
      );
      item.append(tools);
      return item;
    }));
    syncInput();
  };

  // Photos already on the note: the order of their checkboxes is the order they are saved in.
  form.querySelectorAll("[data-existing-photos] .thumbs__item").forEach((item) => {
    const tools = document.createElement("div");
    tools.className = "previews__tools";
    tools.append(
      button("←", "←", () => item.previousElementSibling?.before(item)),
      button("→", "→", () => item.nextElementSibling?.after(item)),
    );
    item.append(tools);
  });

  input.addEventListener("change", () => {
    files = files.concat(Array.from(input.files));
    render();
  });

  // Suggestions while typing: the word being typed after '#' or '@'.
  const body = form.querySelector("[data-suggest]");
  const list = document.createElement("ul");
  list.className = "suggest";
  list.hidden = true;
  body?.after(list);
  let pending;
  body?.addEventListener("input", () => {
    clearTimeout(pending);
    const before = body.value.slice(0, body.selectionStart);
    const match = /(^|\s)([#@])([\p{L}\p{N}_.]{1,20})$/u.exec(before);
    if (!match) { list.hidden = true; return; }
    pending = setTimeout(async () => {
      const kind = match[2] === "#" ? "topics" : "people";
      const response = await fetch(`/suggest/${kind}?q=${encodeURIComponent(match[3])}`, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const items = await response.json();
      list.replaceChildren(...items.map((item) => {
        const li = document.createElement("li");
        const choose = document.createElement("button");
        choose.type = "button";
        choose.textContent = match[2] + item.value + (item.label ? ` · ${item.label}` : "");
        choose.addEventListener("click", () => {
          const start = before.length - match[3].length;
          body.value = body.value.slice(0, start) + item.value + " " + body.value.slice(body.selectionStart);
          body.focus();
          list.hidden = true;
        });
        li.append(choose);
        return li;
      }));
      list.hidden = items.length === 0;
    }, 150);
  });

  // Upload with a progress bar; the server answers with the note page or the form with errors.
  const progress = form.querySelector("[data-progress]");
  const fill = form.querySelector("[data-progress-fill]");
  const label = form.querySelector("[data-progress-text]");
  form.addEventListener("submit", (event) => {
    if (!window.FormData || !progress) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    progress.hidden = false;
    form.querySelector("[data-submit]").disabled = true;
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      fill.style.width = percent + "%";
      label.textContent = percent + "%";
    });
    request.addEventListener("load", () => {
      if (request.responseURL && !request.responseURL.endsWith(form.getAttribute("action"))) {
        window.location.assign(request.responseURL);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    request.addEventListener("error", () => { form.querySelector("[data-submit]").disabled = false; progress.hidden = true; });
    request.send(new FormData(form));
  });
})();
