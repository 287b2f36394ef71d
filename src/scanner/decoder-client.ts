import type { DecodeHit, Effort, FromWorker, ToWorker } from './messages.ts';

// The page's side of the decoder worker: requests by id, answers as promises.

export type DecoderClient = {
  /** Decodes one camera frame; the bitmap is transferred (and closed by the worker). */
  decodeFrame(bitmap: ImageBitmap, effort: Effort): Promise<DecodeHit | null>;
  /** Decodes a still photo at several scales with full effort, then with the deep passes. */
  decodeImage(image: Blob): Promise<DecodeHit | null>;
  dispose(): void;
};

export function createDecoderClient(): DecoderClient {
  const worker = new Worker(new URL('./worker/decoder.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(hit: DecodeHit | null): void; reject(e: Error): void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    if (msg.type === 'ready') {
      // When the wasm is compiled and the decoder can take a frame (tests/bench/scan-to-name.ts).
      performance.mark?.('scan:decoder-ready');
      return;
    }
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.type === 'decoded') waiter?.resolve(msg.hit);
    else waiter?.reject(new Error(msg.reason));
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || 'decoder worker failed'));
    pending.clear();
  };

  const send = (msg: ToWorker, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
  const request = (build: (id: number) => ToWorker, transfer: Transferable[] = []) =>
    new Promise<DecodeHit | null>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send(build(id), transfer);
    });

  // Fetch and compile the wasm while the camera permission prompt is still open.
  send({ type: 'warm-up' });

  return {
    decodeFrame: (bitmap, effort) =>
      request((id) => ({ type: 'decode-frame', id, bitmap, effort }), [bitmap]),
    decodeImage: (image) => request((id) => ({ type: 'decode-image', id, image })),
    dispose() {
      worker.terminate();
      for (const waiter of pending.values()) waiter.resolve(null);
      pending.clear();
    },
  };
}
