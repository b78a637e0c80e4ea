/**
 * One GET of chart material on behalf of the page, with the rules that make a server-side fetch
 * of a URL a stranger chose safe to offer: https only; the host's name resolved once, every
 * address it resolved to checked against the public-address rule and the connection pinned to
 * the checked address (so a second DNS answer can't point it elsewhere: DNS rebinding);
 * redirects followed by hand, each hop checked the same way, at most MAX_REDIRECTS; a time
 * limit; a size cap by media type enforced while the body streams; nothing of the page's
 * request (cookies, credentials) sent, and no credentials in URLs.
 *
 * Registries answer anonymous pulls with a bearer challenge; the token it names is fetched under
 * the same rules and sent only to the host that asked for it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { acceptHeader, mediaType, sizeCapFor } from './material-kinds';
import { addressRefusal } from './public-address';

export const MAX_REDIRECTS = 5;

export interface FetchPolicy {
  /** Tests only: allow plain http. */
  allowHttp: boolean;
  /** Why an address must not be connected to, or null (the public-address rule, or looser for tests). */
  refusal: (address: string) => string | null;
  /** The whole fetch, redirects and token included. */
  timeoutMs: number;
  /** Resolves a host name to addresses (DNS by default; tests inject answers). */
  resolve?: (host: string) => Promise<string[]>;
}

export interface Material {
  /** The URL the body came from, after redirects. */
  url: string;
  contentType: string;
  /** The registry's digest of a manifest or blob, when it sent one. */
  dockerContentDigest: string | null;
  body: Uint8Array;
}

/** Why a fetch was refused or failed; `status` is what the route answers the page. */
export class MaterialFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'MaterialFetchError';
  }
}

/** The rules for real use; CHARTROOM_FETCH_ALLOW_LOCAL=1 (tests only) allows http and any address. */
export function policyFromEnvironment(env: Record<string, string | undefined>): FetchPolicy {
  const local = env.CHARTROOM_FETCH_ALLOW_LOCAL === '1';
  return { allowHttp: local, refusal: local ? () => null : addressRefusal, timeoutMs: 60_000 };
}

const defaultResolve = async (host: string): Promise<string[]> => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Fetches `url` under `policy`; throws MaterialFetchError with a message naming the URL. */
export async function fetchMaterial(url: string, accept: string | null, policy: FetchPolicy): Promise<Material> {
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  try {
    return await follow(url, acceptHeader(accept), policy, deadline);
  } catch (e) {
    if (e instanceof MaterialFetchError) throw e;
    if (deadline.aborted) throw new MaterialFetchError(`${url}: no complete answer within ${policy.timeoutMs / 1000} s`, 504);
    throw new MaterialFetchError(`${url}: ${(e as Error).message}`, 502);
  }
}

async function follow(start: string, accept: string, policy: FetchPolicy, signal: AbortSignal): Promise<Material> {
  const seen = new Set<string>();
  let url = start;
  let authorization: { origin: string; value: string } | null = null;
  for (let hop = 0; ; hop++) {
    const target = checkedUrl(url, policy);
    if (seen.has(target.href)) throw new MaterialFetchError(`${start}: redirect loop at ${target.href}`, 502);
    seen.add(target.href);
    const address = await pinnedAddress(target, policy);
    const auth = authorization?.origin === target.origin ? authorization.value : null;
    const res = await get(target, address, accept, auth, signal);
    const location = res.headers.location;
    if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw new MaterialFetchError(`${start}: more than ${MAX_REDIRECTS} redirects`, 502);
      url = new URL(location, target).href;
      continue;
    }
    if (res.statusCode === 401 && !authorization) {
      const challenge = bearerChallenge(res.headers['www-authenticate']);
      res.resume();
      if (challenge) {
        authorization = { origin: target.origin, value: `Bearer ${await anonymousToken(challenge, policy, signal)}` };
        seen.delete(target.href);
        hop--;
        continue;
      }
    }
    if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) {
      res.resume();
      throw new MaterialFetchError(`${target.href} answered ${res.statusCode} ${res.statusMessage ?? ''}`.trim(), res.statusCode === 404 ? 404 : 502);
    }
    const contentType = res.headers['content-type'] ?? '';
    const cap = sizeCapFor(contentType);
    if (cap === null) {
      res.resume();
      throw new MaterialFetchError(`${target.href} answered ${mediaType(contentType) || 'without a Content-Type'}, which is not chart material`, 502);
    }
    const body = await readCapped(res, cap, target.href);
    const digest = res.headers['docker-content-digest'];
    return { url: target.href, contentType, dockerContentDigest: typeof digest === 'string' ? digest : null, body };
  }
}

function checkedUrl(url: string, policy: FetchPolicy): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new MaterialFetchError(`${url} is not a URL`, 400);
  }
  const protocols = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!protocols.includes(target.protocol)) throw new MaterialFetchError(`${url}: only https URLs are fetched`, 400);
  if (target.username || target.password) throw new MaterialFetchError(`${target.host}: URLs with credentials are not fetched`, 400);
  target.hash = '';
  return target;
}

/** The address to connect to: the first the host resolved to, once all of them are public. */
async function pinnedAddress(target: URL, policy: FetchPolicy): Promise<string> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (policy.resolve ?? defaultResolve)(host);
    } catch (e) {
      throw new MaterialFetchError(`${target.href}: ${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 502);
    }
  }
  if (addresses.length === 0) throw new MaterialFetchError(`${target.href}: ${host} resolved to no address`, 502);
  for (const a of addresses) {
    const refusal = policy.refusal(a);
    if (refusal) throw new MaterialFetchError(`${target.href} refused: ${host} is ${a}, ${refusal}`, 403);
  }
  return addresses[0];
}

function get(target: URL, address: string, accept: string, authorization: string | null, signal: AbortSignal): Promise<IncomingMessage> {
  const family = isIP(address);
  // The connection goes to the checked address whatever the resolver would say now; TLS still
  // verifies the certificate against the host name.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const headers: Record<string, string> = { accept, 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'chartroom' };
  if (authorization) headers.authorization = authorization;
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'GET', headers, lookup, signal, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** The body, decompressed, refused as soon as it passes `cap` bytes. */
async function readCapped(res: IncomingMessage, cap: number, url: string): Promise<Uint8Array> {
  const tooLarge = () => new MaterialFetchError(`${url} is larger than ${Math.round(cap / (1024 * 1024))} MB`, 413);
  const declared = Number(res.headers['content-length']);
  const encoding = (res.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity' && Number.isFinite(declared) && declared > cap) {
    res.destroy();
    throw tooLarge();
  }
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };
  if (encoding !== 'identity' && !decoders[encoding]) {
    res.destroy();
    throw new MaterialFetchError(`${url} is sent with an unknown Content-Encoding (${encoding})`, 502);
  }
  const stream: Readable = encoding === 'identity' ? res : (res.pipe(decoders[encoding]()) as unknown as Readable);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > cap) {
      res.destroy();
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

interface BearerChallenge {
  realm: string;
  service?: string;
  scope?: string;
}

function bearerChallenge(header: string | undefined): BearerChallenge | null {
  if (!header || !/^bearer\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const m of header.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params[m[1].toLowerCase()] = m[2];
  return params.realm ? { realm: params.realm, service: params.service, scope: params.scope } : null;
}

/** An anonymous pull token from the registry's token service (itself fetched under the rules). */
async function anonymousToken(c: BearerChallenge, policy: FetchPolicy, signal: AbortSignal): Promise<string> {
  const url = new URL(c.realm);
  if (c.service) url.searchParams.set('service', c.service);
  if (c.scope) url.searchParams.set('scope', c.scope);
  const answer = await follow(url.href, 'application/json', policy, signal);
  try {
    const json = JSON.parse(new TextDecoder().decode(answer.body)) as { token?: unknown; access_token?: unknown };
    const token = typeof json.token === 'string' ? json.token : json.access_token;
    if (typeof token === 'string' && token) return token;
  } catch {
    // Reported below.
  }
  throw new MaterialFetchError(`${c.realm} gave no anonymous pull token`, 502);
}
