import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: 'sqlite:./data/lintas.db', port: 3000, seedDemo: true });
  });

  it('lists every problem in plain words instead of starting', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LINTAS_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('PORT');
      expect(problems).toContain('LINTAS_SECRET: must be at least 32 characters');
    }
  });

  it('needs the first administrator’s e-mail and password together', () => {
    expect(() => loadConfig({ LINTAS_ADMIN_EMAIL: 'root@example.org' })).toThrow(ConfigError);
    expect(loadConfig({ LINTAS_ADMIN_EMAIL: 'root@example.org', LINTAS_ADMIN_PASSWORD: 'long enough secret' }).initialAdmin).toEqual({ email: 'root@example.org', password: 'long enough secret' });
  });
});
