import type { Writable } from 'node:stream';

/** Writes text and resolves once the stream accepted it (waits for 'drain' when needed). */
export function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    stream.once('error', onError);
    const ok = stream.write(text);
    const done = () => {
      stream.off('error', onError);
      resolve();
    };
    if (ok) done();
    else stream.once('drain', done);
  });
}

/** Prints one line on stderr (used for errors and summaries). */
export function warn(line: string): void {
  process.stderr.write(line + '\n');
}
