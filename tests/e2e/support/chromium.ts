// The product's own lookup (the build prints PDFs with the same Chromium the tests drive).
export { aptInstall, CHROMIUM_ARGS, findChromium, hasCommand, PDF_TOOLS } from '../../../src/lib/outputs/chromium';
