/** Raw HTTP over a TCP socket, for requests `fetch` cannot send (malformed, chunked by hand, cut short). */
import { connect } from 'node:net';

/** Sends `text` to the server at `origin` and resolves with everything it answers until it ends the connection. */
export function rawExchange(origin: string, text: string): Promise<string> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => (data += String(chunk)));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

/** Sends `text` to the server at `origin`, then, once it has been handed to the network, destroys the connection. */
export function rawAbort(origin: string, text: string): Promise<void> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(text, () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}
