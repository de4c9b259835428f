// Infinite scroll: when the "Show more" link comes into view, fetch that page and append its
// cards. Without script (or if a fetch fails) the link still works as a plain link.
(() => {
  const list = document.querySelector(".cards--feed");
  if (!list || !("IntersectionObserver" in window)) return;

  const observe = (link) => {
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      try {
        const response = await fetch(link.href, { headers: { Accept: "text/html" } });
        if (!response.ok) throw new Error(String(response.status));
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        list.append(...page.querySelectorAll(".cards--feed > li"));
        const next = page.querySelector(".more a[rel='next']");
        if (next) {
          link.href = next.getAttribute("href");
          observe(link);
        } else {
          link.closest(".more").remove();
        }
      } catch {
        observe(link); // leave the link for a click, try again when it is seen again
      }
    }, { rootMargin: "600px 0px" });
    observer.observe(link);
  };

  const more = document.querySelector(".more a[rel='next']");
  if (more) observe(more);
})();
