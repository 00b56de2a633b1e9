/**
 * Progressive enhancement of `a[data-copy-link]`: copy the link's address instead of following it.
 * Without clipboard access (insecure context, denied permission) the link is simply followed.
 */
function liveRegion(): HTMLElement {
  let region = document.getElementById('copy-link-status');
  if (!region) {
    region = document.createElement('p');
    region.id = 'copy-link-status';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
  if (!link || !navigator.clipboard || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(
    () => {
      const region = liveRegion();
      region.textContent = '';
      // A fresh text node makes screen readers announce the message again on a second copy.
      requestAnimationFrame(() => (region.textContent = link.dataset.copiedText ?? ''));
      link.classList.add('copied');
      setTimeout(() => link.classList.remove('copied'), 2000);
    },
    () => location.assign(link.href),
  );
});
