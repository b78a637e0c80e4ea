/**
 * The browser's {@link ResponseStore}: one IndexedDB object store of chart material by URL.
 * Chart material is public (what a repository serves to anyone), so it may rest in the
 * browser; no user values ever go here.
 */
import type { ResponseStore, StoredResponse } from './response-cache';

const DB = 'chartroom-chart-material';
const STORE = 'responses';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

export const indexedDbStore: ResponseStore = {
  async get(key) {
    const db = await database();
    return (await request(db.transaction(STORE).objectStore(STORE).get(key))) as StoredResponse | undefined;
  },
  async put(key, value) {
    const db = await database();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  },
};
