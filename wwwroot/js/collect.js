// "Choose a board" opens the board list in a dialog over the note instead of a new page. The form in
// it posts as it does on its own page; without script (or if the fetch fails) the link is a plain link.
document.querySelectorAll("[data-collect-choose]").forEach((link) => {
  if (typeof HTMLDialogElement !== "function") return;
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(link.href, { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const panel = page.querySelector(".board-choice");
      if (!panel) throw new Error("no board list");
      const dialog = document.createElement("dialog");
      dialog.className = "popover";
      const close = document.createElement("button");
      close.type = "button";
      close.className = "popover__close";
      close.setAttribute("aria-label", link.dataset.close);
      close.textContent = "×";
      close.addEventListener("click", () => dialog.close());
      dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); }); // the backdrop
      dialog.addEventListener("close", () => dialog.remove());
      dialog.append(close, panel);
      document.body.append(dialog);
      dialog.showModal();
    } catch {
      window.location.href = link.href;
    }
  });
});
