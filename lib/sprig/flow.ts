/** Sprig's flow control: fail aborts rendering with the given message. */
import { defineFunc, type FuncMap, GoError } from '../go';

export const flowFuncs: FuncMap = {
  fail: defineFunc(
    'fail',
    ['string'],
    (msg: string) => {
      throw new GoError(msg);
    },
    { returnsError: true },
  ),
};
