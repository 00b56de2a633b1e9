/**
 * Finds the Chromium that browser tests drive, installing Debian's package when this machine can.
 * Prints the path on success; otherwise one line saying how to install it, and exits 1 — browser
 * tests are never skipped silently.
 */
import { findChromium, installChromium } from '../tests/e2e/support/chromium';

let path = findChromium();
if (!path) {
  installChromium();
  path = findChromium();
}
if (!path) {
  console.error(
    'Chromium non trovato: installalo con `sudo apt-get install -y chromium` oppure indica il percorso in CHROME_PATH.',
  );
  process.exit(1);
}
console.log(`chromium: ${path}`);
