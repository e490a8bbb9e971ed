import type { Answers } from './types';

/**
 * What the deploying service's scans look at (SCAN_TYPE): only the thigh veins ('proximal', most
 * UK services under NICE NG158), the whole leg, or not known. A patient seldom knows, so
 * "don't know" counts as thigh-only (clinical-reference.md, "Scan extent").
 */
export type ScanType = 'proximal' | 'whole-leg' | 'unknown';

/** The answers a check starts with: the scan's extent when the deployment knows it, so nobody is asked. */
export function startingAnswers(scanType: ScanType): Answers {
  if (scanType === 'proximal') return { thighOnlyScan: 'yes' };
  if (scanType === 'whole-leg') return { thighOnlyScan: 'no' };
  return {};
}
