/**
 * Errors the fake Excel throws, shaped like `OfficeExtension.Error`: `name` `RichApi.Error`, a string `code`
 * from `OfficeExtension.ErrorCodes` / `Excel.ErrorCodes`, and `debugInfo`.
 */

/** The codes the fake raises. Every one is a code real Office.js uses. */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RunMustReturnPromise'
  | 'ApiNotFound'
  | 'ItemNotFound'
  | 'InvalidArgument'
  | 'GeneralException'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidOperation'
  | 'ItemAlreadyExists'
  | 'ValueNotLoaded'
  | 'AccessDenied';

/** An error as Office.js reports it. */
export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

/**
 * Thrown when the code under test uses a part of the Excel API the fake does not model. Not an Office error:
 * it means the fake must be extended (honestly) before the test can mean anything.
 */
export class FakeNotModelledError extends Error {
  constructor(what: string) {
    super(`fake-excel does not model ${what}; extend test/fake-excel before relying on it`);
    this.name = 'FakeNotModelledError';
  }
}
