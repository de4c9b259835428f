// Quoting on the thread page: without script the link reloads the page with ?quote=; with it, the
// reply box below takes the quote in place and gets the focus.
const replyForm = document.getElementById("reply-form");
if (replyForm) {
  document.querySelectorAll("[data-quote]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      let field = replyForm.querySelector("input[name='QuoteReplyId']");
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "QuoteReplyId";
        replyForm.prepend(field);
      }
      field.value = link.dataset.quote;
      let note = replyForm.querySelector("[data-quoting]");
      if (!note) {
        note = document.createElement("p");
        note.className = "muted";
        note.dataset.quoting = "";
        replyForm.prepend(note);
      }
      note.textContent = replyForm.dataset.quotingText.replace("{0}", link.dataset.quoteName);
      const body = replyForm.querySelector("textarea");
      body.focus();
      replyForm.scrollIntoView({ block: "center" });
    });
  });
}
