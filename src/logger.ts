import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Callers log events, ids and error names, never what a patient
 * typed (S5); the redaction list is a second line of defence for fields that could carry it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'afterscan' },
    redact: { paths: ['text', '*.text', 'activity', '*.activity', 'body', '*.body', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
  }, destination);
}
