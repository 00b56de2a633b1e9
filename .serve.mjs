import sirv from 'sirv';
import { createServer } from 'node:http';
const handler = sirv(process.argv[2], { dev: true });
createServer((q, r) => handler(q, r, () => { r.statusCode = 404; r.end(); })).listen(Number(process.argv[3]), '127.0.0.1');
