// "Copy link" on the note page: shown only where the clipboard can be used.
document.querySelectorAll("[data-share]").forEach((button) => {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(button.dataset.share);
    const label = button.querySelector("span");
    const original = label.textContent;
    label.textContent = button.dataset.copied;
    setTimeout(() => (label.textContent = original), 2000);
  });
});
