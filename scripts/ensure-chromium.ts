/**
 * Finds what browser tests need — Debian's Chromium and the PDF tools of poppler-utils — installing
 * the packages when this machine can. Prints the Chromium path on success; otherwise one line saying
 * how to install what is missing, and exits 1: browser tests are never skipped silently.
 */
import { aptInstall, findChromium, hasCommand, PDF_TOOLS } from '../src/lib/outputs/chromium';

const missing = () => [
  ...(findChromium() ? [] : ['chromium']),
  ...(PDF_TOOLS.every(hasCommand) ? [] : ['poppler-utils']),
];

aptInstall(missing());
const still = missing();
if (still.length > 0) {
  console.error(
    `Mancano ${still.join(' e ')}: installali con \`sudo apt-get install -y ${still.join(' ')}\`` +
      (still.includes('chromium') ? ' oppure indica il percorso di Chromium in CHROME_PATH.' : '.'),
  );
  process.exit(1);
}
console.log(`chromium: ${findChromium()}`);
