import { describe, expect, it } from 'vitest';
import { defaultSecretName, keyMatchesPath, placeholder, secretKeys } from './secret-wiring';
import { repoName, shQuote } from './bundle-docs';

describe('defaultSecretName', () => {
  it.each([
    [['secrets', 'existingSecret'], 'app-secrets'],
    [['postgresql', 'external', 'existingSecret'], 'app-postgresql-external'],
    [['redis', 'auth', 'existingSecret'], 'app-redis-auth'],
    [['existingSecret'], 'app-secrets'],
    [['objectStore', 'existingSecret'], 'app-object-store'],
  ])('%j → %s', (path, name) => {
    expect(defaultSecretName('app', path)).toBe(name);
  });
});

describe('keyMatchesPath', () => {
  it.each([
    ['AETERNA_LOCAL_KMS_KEY', ['secrets', 'localKmsKey'], true],
    ['OPENAI_API_KEY', ['secrets', 'openaiApiKey'], true],
    ['discord-bot-token', ['secrets', 'discordToken'], true],
    ['database-url', ['secrets', 'databaseUrl'], true],
    ['redis-password', ['redis', 'auth', 'password'], true],
    ['api-key', ['qdrant', 'external', 'apiKey'], true],
    ['ANTHROPIC_API_KEY', ['secrets', 'openaiApiKey'], false],
    ['admin-api-key', ['secrets', 'mlServiceApiKey'], false],
  ])('%s ~ %j → %s', (key, path, match) => {
    expect(keyMatchesPath(key, path)).toBe(match);
  });
});

describe('secretKeys', () => {
  it('pairs referenced keys with the values they replace and keeps unmatched removed values', () => {
    const keys = secretKeys(['OPENAI_API_KEY', 'EXTRA'], [
      { path: ['secrets', 'openaiApiKey'], removed: true },
      { path: ['secrets', 'licenseKey'], removed: true, field: { path: ['secrets', 'licenseKey'], generate: 'hex-32' } },
      { path: ['secrets', 'unused'] },
    ]);
    expect(keys).toEqual([
      { key: 'EXTRA' },
      { key: 'OPENAI_API_KEY', replaces: 'secrets.openaiApiKey', generate: undefined },
      { key: 'license-key', replaces: 'secrets.licenseKey', generate: 'hex-32' },
    ]);
    expect(placeholder(keys[2])).toBe('<value of secrets.licenseKey; 32 random bytes in hex: openssl rand -hex 32>');
  });
});

describe('bundle-docs helpers', () => {
  it.each([
    ['https://cloudnative-pg.github.io/charts', 'cloudnative-pg'],
    ['https://qdrant.github.io/qdrant-helm', 'qdrant'],
    ['https://charts.jetstack.io', 'jetstack'],
    ['https://www.example.com/helm', 'example'],
  ])('repoName(%s) = %s', (url, name) => {
    expect(repoName(url)).toBe(name);
  });

  it.each([
    ['plain-word', 'plain-word'],
    ['./aeterna', './aeterna'],
    ['with space', "'with space'"],
    ["it's", "'it'\\''s'"],
  ])('shQuote(%s) = %s', (word, quoted) => {
    expect(shQuote(word)).toBe(quoted);
  });
});
