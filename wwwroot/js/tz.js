// Tells the server the browser's time zone (an IANA id such as "Europe/Berlin") in the tz cookie,
// so pages can show times in it; a member's saved zone still wins. Written only when it changed.
(() => {
  let zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!zone || document.cookie.split("; ").includes("tz=" + encodeURIComponent(zone))) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `tz=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
})();
