import { setMaxListeners } from 'node:events';

/**
 * Every outbound HTTP call's deadline, and one switch that cuts them all at shutdown. A call
 * takes `signal()`: it aborts when its own deadline passes or when `abortAll()` was called, so a
 * channel or sign-in endpoint that never answers holds neither a turn, a check-in nor SIGTERM.
 */
export interface Outbound {
  readonly timeoutMs: number;
  signal: (also?: AbortSignal) => AbortSignal;
  abortAll: () => void;
}

export function createOutbound(timeoutMs: number): Outbound {
  const stopping = new AbortController();
  // Each call listens on `stopping` until its own deadline (bounded: calls per second × timeoutMs);
  // Node's warning at 11 listeners is about leaks, and this is not one.
  setMaxListeners(0, stopping.signal);
  return {
    timeoutMs,
    // By hand rather than AbortSignal.any: every call would otherwise hang a dependant on the
    // process-long `stopping` signal. Here each call's listeners go when its deadline passes.
    signal: (also) => {
      const call = new AbortController();
      const sources = [stopping.signal, ...(also ? [also] : [])];
      const abort = (reason: unknown): void => { if (!call.signal.aborted) call.abort(reason); };
      const onSource = (event: Event): void => abort((event.target as AbortSignal).reason);
      const timer = setTimeout(() => abort(new DOMException('outbound deadline passed', 'TimeoutError')), timeoutMs);
      timer.unref();
      call.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        for (const s of sources) s.removeEventListener('abort', onSource);
      }, { once: true });
      for (const s of sources) {
        if (s.aborted) abort(s.reason);
        else s.addEventListener('abort', onSource, { once: true });
      }
      return call.signal;
    },
    abortAll: () => stopping.abort(new Error('shutting down')),
  };
}

/** Settles with `work`, or rejects with a TimeoutError after `ms` (the work itself is not stopped). */
export function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Whichever comes first (the work, the deadline, the abort) removes the others, so work that
    // never settles leaves no listener behind on a long-lived signal.
    const cleanup = (): void => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); };
    const fail = (): void => { cleanup(); const e = new Error('deadline passed'); e.name = 'TimeoutError'; reject(e); };
    const timer = setTimeout(fail, ms);
    const onAbort = (): void => fail();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    work.then(
      (value) => { cleanup(); resolve(value); },
      (error: unknown) => { cleanup(); reject(error); },
    );
  });
}

/** True when `work` settles (either way) within `ms`; false when the time runs out first. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
