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
  return {
    timeoutMs,
    signal: (also) => AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMs), ...(also ? [also] : [])]),
    abortAll: () => stopping.abort(new Error('shutting down')),
  };
}

/** Settles with `work`, or rejects with a TimeoutError after `ms` (the work itself is not stopped). */
export function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (): void => { const e = new Error('deadline passed'); e.name = 'TimeoutError'; reject(e); };
    const timer = setTimeout(fail, ms);
    const onAbort = (): void => { clearTimeout(timer); fail(); };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    work.then(
      (value) => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { clearTimeout(timer); signal?.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
