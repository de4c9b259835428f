// Photo carousel: swipe (native scroll snapping), arrows, dots and the keyboard. Without script
// the photos are a stack (nojs.css) and every one is still reachable.
document.querySelectorAll("[data-carousel]").forEach((carousel) => {
  const track = carousel.querySelector("[data-carousel-track]");
  const slides = Array.from(track.children);
  const prev = carousel.querySelector("[data-carousel-prev]");
  const next = carousel.querySelector("[data-carousel-next]");
  const dots = carousel.querySelector("[data-carousel-dots]");
  if (slides.length < 2) return;
  [prev, next, dots].forEach((el) => el && (el.hidden = false));

  const current = () => Math.round(track.scrollLeft / track.clientWidth);
  const go = (index) => {
    const target = Math.max(0, Math.min(slides.length - 1, index));
    track.scrollTo({ left: target * track.clientWidth, behavior: "smooth" });
  };
  const update = () => {
    const index = current();
    dots && Array.from(dots.children).forEach((dot, i) => dot.classList.toggle("is-active", i === index));
    prev.disabled = index === 0;
    next.disabled = index === slides.length - 1;
  };

  prev.addEventListener("click", () => go(current() - 1));
  next.addEventListener("click", () => go(current() + 1));
  carousel.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") { go(current() - 1); event.preventDefault(); }
    if (event.key === "ArrowRight") { go(current() + 1); event.preventDefault(); }
  });
  track.addEventListener("scroll", () => window.requestAnimationFrame(update), { passive: true });
  update();
});
