/**
 * The central sync server's entry point. The full server (PostgreSQL / PGlite storage, device
 * enrolment, push/pull of batches, blobs, public certificate verification) is built by the sync
 * issue; for now it answers `GET /health` so deployments and the README's command can be checked.
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ status: 'ok', service: 'association-desk-server' }));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: 'not_found' }));
});

server.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'server listening', port }));
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
