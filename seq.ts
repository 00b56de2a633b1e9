import { validateContent } from './src/lib/validate/validate-content';
const t = performance.now();
const r = await validateContent(process.argv[2]!, { parallel: process.argv[3] === 'p' });
console.log(r.problems.length, r.files, ((performance.now() - t) / 1000).toFixed(2), 's');
