// Card actions without a page load: the like button toggles in place and "not interested" removes
// the card. Without script (or when a request fails) the forms post as usual and come back here.
(() => {
  const post = (form, action) =>
    fetch(action ?? form.action, { method: "POST", body: new FormData(form), redirect: "manual", credentials: "same-origin" })
      .then((response) => {
        // Success is the post-redirect-get answer, which "manual" hands back unopened.
        if (response.type !== "opaqueredirect" && !response.ok) throw new Error(String(response.status));
      });

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;

    if (form.matches("[data-like]")) {
      event.preventDefault();
      const button = form.querySelector("button");
      const count = form.querySelector("[data-like-count]");
      const liked = button.classList.contains("is-liked");
      button.disabled = true;
      try {
        await post(form);
        const now = !liked;
        button.classList.toggle("is-liked", now);
        button.setAttribute("aria-pressed", String(now));
        button.setAttribute("aria-label", now ? button.dataset.unlikeLabel : button.dataset.likeLabel);
        count.textContent = String(Math.max(0, Number(count.textContent) + (now ? 1 : -1)));
        form.action = form.action.replace(/\/(un)?like$/, now ? "/unlike" : "/like");
      } catch {
        form.submit();
      } finally {
        button.disabled = false;
      }
    } else if (form.matches("[data-not-interested]")) {
      event.preventDefault();
      try {
        await post(form);
        form.closest("[data-card]")?.remove();
      } catch {
        form.submit();
      }
    }
  });
})();
