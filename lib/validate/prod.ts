/**
 * Production-readiness rules on pod templates (kube-score / Polaris style): images, resources,
 * probes, security context, host access.
 */
import type { Draft, RuleContext } from './context';
import { childPath } from './path';
import { asList, asObj, asStr, containersOf, type PodTemplate } from './workloads';

/** Whether an image reference pins a tag other than `latest`, or a digest. */
export function imagePinned(image: string): boolean {
  if (image.includes('@sha256:')) return true;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return false;
  return image.slice(colon + 1) !== 'latest';
}

/** Checks every pod template's containers. */
export function podRules(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const t of ctx.templates) {
    podLevel(t, out);
    const podSec = asObj(t.spec.securityContext) ?? {};
    for (const { container: c, path, init } of containersOf(t)) {
      const doc = t.doc;
      const image = asStr(c.image) ?? '';
      const cname = asStr(c.name) ?? '';
      if (image && !imagePinned(image)) {
        out.push({ id: 'prod/image-tag', doc, path: childPath(path, 'image'), message: `container "${cname}" uses image "${image}" without a fixed tag or digest`, trace: { container: c, keys: ['tag', 'image.tag', 'digest'] } });
      }
      const res = asObj(c.resources) ?? {};
      const req = asObj(res.requests) ?? {};
      const lim = asObj(res.limits) ?? {};
      const missing = [!req.cpu && 'requests.cpu', !req.memory && 'requests.memory', !lim.memory && 'limits.memory'].filter(Boolean);
      if (missing.length) {
        out.push({ id: 'prod/resources', doc, path: childPath(path, 'resources'), message: `container "${cname}" has no ${missing.join(', ')}`, trace: { container: c, keys: ['resources'] } });
      }
      if (t.longRunning && !init) {
        const probes = ['readinessProbe', 'livenessProbe'].filter((p) => !asObj(c[p]));
        if (probes.length) out.push({ id: 'prod/probes', doc, path, message: `container "${cname}" has no ${probes.join(' or ')}`, trace: { container: c, keys: ['readinessProbe', 'livenessProbe', 'probes'] } });
      }
      const sec = asObj(c.securityContext) ?? {};
      const secPath = childPath(path, 'securityContext');
      const secKeys = ['securityContext', 'containerSecurityContext'];
      const eff = (k: string) => (sec[k] !== undefined ? sec[k] : podSec[k]);
      const uid = eff('runAsUser');
      if (eff('runAsNonRoot') !== true && !(typeof uid === 'number' && uid > 0)) {
        out.push({ id: 'prod/run-as-root', doc, path: secPath, message: `container "${cname}" may run as root: set runAsNonRoot: true (or a non-zero runAsUser)`, trace: { container: c, keys: secKeys } });
      } else if (uid === 0) {
        out.push({ id: 'prod/run-as-root', doc, path: childPath(secPath, 'runAsUser'), message: `container "${cname}" runs as user 0 (root)`, trace: { container: c, keys: secKeys } });
      }
      if (sec.privileged === true) out.push({ id: 'prod/privileged', doc, path: childPath(secPath, 'privileged'), message: `container "${cname}" is privileged`, trace: { container: c, keys: secKeys } });
      if (sec.allowPrivilegeEscalation !== false && sec.privileged !== true) {
        out.push({ id: 'prod/privilege-escalation', doc, path: secPath, message: `container "${cname}" does not set allowPrivilegeEscalation: false`, trace: { container: c, keys: secKeys } });
      }
      if (sec.readOnlyRootFilesystem !== true) {
        out.push({ id: 'prod/writable-root-fs', doc, path: secPath, message: `container "${cname}" does not set readOnlyRootFilesystem: true`, trace: { container: c, keys: secKeys } });
      }
      const drop = asList(asObj(sec.capabilities)?.drop).map(String);
      if (!drop.includes('ALL') && !drop.includes('all')) {
        out.push({ id: 'prod/capabilities', doc, path: secPath, message: `container "${cname}" does not drop ALL capabilities`, trace: { container: c, keys: secKeys } });
      }
      const seccomp = asObj(sec.seccompProfile) ?? asObj(podSec.seccompProfile);
      if (!seccomp || seccomp.type === 'Unconfined') {
        out.push({ id: 'prod/seccomp', doc, path: secPath, message: `container "${cname}" runs without a seccomp profile (set seccompProfile.type: RuntimeDefault)`, trace: { container: c, keys: ['podSecurityContext', ...secKeys] } });
      }
      out.push(...envSecrets(t, c, path));
    }
  }
  return out;
}

function podLevel(t: PodTemplate, out: Draft[]): void {
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (t.spec[k] === true) out.push({ id: 'prod/host-namespaces', doc: t.doc, path: childPath(t.specPath, k), message: `${t.kind} ${t.name} sets ${k}: true`, trace: { keys: [k] } });
  }
  asList(t.spec.volumes).forEach((v, i) => {
    const vol = asObj(v);
    if (vol?.hostPath) out.push({ id: 'prod/host-path', doc: t.doc, path: childPath(childPath(childPath(t.specPath, 'volumes'), i), 'hostPath'), message: `volume "${String(vol.name)}" mounts the node path ${String(asObj(vol.hostPath)?.path)}`, trace: { keys: ['hostPath'] } });
  });
}

/** Names of settings that hold secrets. */
export const SECRET_NAME = /(^|[_.-])(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credentials?)($|[_.-])/i;
/** Values that look like secrets whatever their name. */
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|^[a-z]+:\/\/[^/:@\s]+:[^/@\s]+@/;

/** Settings about a secret rather than holding one: where it is, how long, whether to use it. */
const ABOUT_SECRET = /(_|-)?(file|path|key_?name|ref|secret_?name|enabled|disabled|required|length)$/i;
/** Switches such as ALLOW_EMPTY_PASSWORD or ENABLE_TOKEN_AUTH: their value is a flag. */
const FLAG_NAME = /^(allow|enable|disable|use|skip|require|force|no)[_.-]/i;
/** Values that are flags whatever the name. */
const FLAG_VALUE = /^(true|false|yes|no|on|off|y|n|0|1)$/i;

/** Whether a non-empty setting looks like a secret by its name or its value. */
export function looksSecret(name: string, value: string): boolean {
  if (value === '' || /^\$\(|^\$\{/.test(value)) return false;
  if (SECRET_VALUE.test(value)) return true;
  return SECRET_NAME.test(name) && !ABOUT_SECRET.test(name) && !FLAG_NAME.test(name) && !FLAG_VALUE.test(value);
}

function envSecrets(t: PodTemplate, c: Record<string, unknown>, path: string): Draft[] {
  const out: Draft[] = [];
  asList(c.env).forEach((e, i) => {
    const env = asObj(e);
    const name = asStr(env?.name) ?? '';
    const value = env?.value;
    if (typeof value === 'string' && looksSecret(name, value)) {
      out.push({ id: 'prod/secret-in-env', doc: t.doc, path: childPath(childPath(childPath(path, 'env'), i), 'value'), message: `env ${name} of container "${String(c.name)}" holds a secret literal`, trace: { container: c } });
    }
  });
  return out;
}
