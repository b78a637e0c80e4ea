/**
 * pkg/repo's repositories.yaml (`helm repo add` writes it): named repositories, which Chart.yaml
 * dependencies can name as `@name` or `alias:name`.
 */
import { yamlToGo } from '../../yaml';

/** repo.Entry, the fields chartroom uses. */
export interface RepoEntry {
  name: string;
  url: string;
  username?: string;
  password?: string;
  passCredentialsAll?: boolean;
}

/** Parses repositories.yaml; entries without a name or URL are left out. @throws Error naming the file */
export function parseRepositoriesFile(text: string, source = 'repositories.yaml'): RepoEntry[] {
  let doc;
  try {
    doc = yamlToGo(text);
  } catch (e) {
    throw new Error(`${source}: ${(e as Error).message}`);
  }
  const list = doc instanceof Map ? doc.get('repositories') : undefined;
  const out: RepoEntry[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!(item instanceof Map)) continue;
    const str = (k: string) => (typeof item.get(k) === 'string' ? (item.get(k) as string) : '');
    if (!str('name') || !str('url')) continue;
    out.push({ name: str('name'), url: str('url'), username: str('username') || undefined, password: str('password') || undefined, passCredentialsAll: item.get('pass_credentials_all') === true });
  }
  return out;
}

/** urlutil.Equal: the same URL apart from a trailing slash on the path. */
export function sameRepositoryUrl(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '');
    return ua.protocol === ub.protocol && ua.host === ub.host && path(ua) === path(ub) && ua.search === ub.search;
  } catch {
    return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
  }
}

/** The repository entry a dependency's `repository` names: `@name`, `alias:name`, or its URL. */
export function findRepository(repository: string, repos: RepoEntry[]): RepoEntry | undefined {
  const alias = repository.startsWith('@') ? repository.slice(1) : repository.startsWith('alias:') ? repository.slice(6) : undefined;
  if (alias !== undefined) return repos.find((r) => r.name === alias);
  return repos.find((r) => sameRepositoryUrl(r.url, repository));
}

/** Basic-auth headers for a repository entry (sent only to the repository's own host). */
export function repositoryHeaders(entry: RepoEntry | undefined): Record<string, string> {
  if (!entry?.username || !entry.password) return {};
  const token = btoa(String.fromCharCode(...new TextEncoder().encode(`${entry.username}:${entry.password}`)));
  return { Authorization: `Basic ${token}` };
}
