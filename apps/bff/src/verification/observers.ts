import type { AwsIntegration, CheckTrigger, Verification } from '@rolebridge/contracts';

/** What started a verification (the same triggers the check history records). */
export type VerificationTrigger = CheckTrigger;

export interface CompletedVerification {
  integration: AwsIntegration;
  trigger: VerificationTrigger;
  verification: Verification;
  durationMs: number;
}

/** Told of every verification once it is recorded (metrics, health history). */
export type VerificationObserver = (done: CompletedVerification) => void | Promise<void>;

/**
 * The one hook list of the verification service. An observer that throws is reported and
 * skipped: the caller's verification has already happened and stands.
 */
export function createVerificationObservers(onError: (err: unknown) => void) {
  const observers: VerificationObserver[] = [];
  return {
    add(observer: VerificationObserver) {
      observers.push(observer);
    },
    async notify(done: CompletedVerification) {
      for (const observer of observers) {
        try {
          await observer(done);
        } catch (err) {
          onError(err);
        }
      }
    },
  };
}

export type VerificationObservers = ReturnType<typeof createVerificationObservers>;
