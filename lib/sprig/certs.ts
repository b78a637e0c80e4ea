import type { FuncMap } from '../gotemplate/func';
export const certFuncs: FuncMap = {};
