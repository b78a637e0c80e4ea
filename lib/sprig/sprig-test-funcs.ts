/**
 * Test support: the function map differential tests run with. It is the registry's map once every
 * family module exists; the core families stand in while others are still missing.
 */
import type { FuncMap } from '../gotemplate/func';
import { conversionFuncs } from './conversion';
import { defaultsFuncs } from './defaults';
import { dictFuncs } from './dicts';
import { flowFuncs } from './flow';
import { listFuncs } from './lists';
import { mathFuncs } from './math';
import { pathFuncs } from './paths';
import { reflectFuncs } from './reflect';
import { stringFuncs } from './strings';

/** The core families' functions (everything the differential cases call). */
export function sprigTestFuncs(): FuncMap {
  return { ...stringFuncs, ...conversionFuncs, ...mathFuncs, ...defaultsFuncs, ...reflectFuncs, ...pathFuncs, ...listFuncs, ...dictFuncs, ...flowFuncs };
}
