import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Reads the request body, decompressing gzip/deflate, refusing more than `limit` bytes (413). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `body over the ${limit} byte limit`));
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  let stream: Readable = req;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = req.pipe(createGunzip());
  else if (encoding === 'deflate') stream = req.pipe(createInflate());
  else if (encoding !== 'identity') return Promise.reject(new HttpError(415, `unsupported content-encoding ${encoding}`));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (err: HttpError) => {
      if (done) return;
      done = true;
      if (stream !== req) stream.destroy();
      req.unpipe();
      req.resume(); // drain what is in flight; the response closes the connection
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) return fail(new HttpError(413, `body over the ${limit} byte limit`));
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    stream.on('error', (err) => fail(new HttpError(400, `unreadable body: ${err.message}`)));
    req.on('aborted', () => fail(new HttpError(400, 'request aborted')));
  });
}
