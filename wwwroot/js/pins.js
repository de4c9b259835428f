// Tag-products page: clicking a photo fills that photo's pin form with the spot clicked (in %),
// so the author places a pin by pointing instead of typing numbers.
document.querySelectorAll("[data-pin-photo]").forEach((figure) => {
  const target = figure.querySelector("[data-pin-target]");
  const x = figure.querySelector("[data-pin-x]");
  const y = figure.querySelector("[data-pin-y]");
  if (!target || !x || !y) return;
  target.classList.add("is-pickable");
  target.addEventListener("click", (event) => {
    event.preventDefault();
    const box = target.getBoundingClientRect();
    x.value = (((event.clientX - box.left) / box.width) * 100).toFixed(1);
    y.value = (((event.clientY - box.top) / box.height) * 100).toFixed(1);
    target.dataset.picked = `${x.value}, ${y.value}`;
    x.focus();
  });
});
