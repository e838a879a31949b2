import { z } from 'zod';

/** Environment variables Lintas reads, validated once at start so a mistake is reported before anything runs. */
const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/lintas.db')
    .refine((value) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(value), {
      message: 'must be sqlite:PATH (for example sqlite:./data/lintas.db) or postgres://USER@HOST:PORT/DATABASE',
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LINTAS_DEMO: z.enum(['0', '1']).default('1'),
  LINTAS_ADMIN_EMAIL: z.email().optional(),
  LINTAS_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LINTAS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LINTAS_PUBLIC_URL: z.url().optional(),
  LINTAS_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LINTAS_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LINTAS_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LINTAS_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LINTAS_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  LINTAS_EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  LINTAS_NODE_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2 to 63 lower-case letters, digits and hyphens, such as kh-mrc-phnom-penh')
    .optional(),
  LINTAS_NODE_URL: z.url().optional(),
  LINTAS_FEDERATION_MAX_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LINTAS_FEDERATION_MAX_AGE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
});

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Lintas cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function toConfig(env: z.infer<typeof environmentSchema>) {
  return {
    databaseUrl: env.DATABASE_URL,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    seedDemo: env.LINTAS_DEMO === '1',
    initialAdmin:
      env.LINTAS_ADMIN_EMAIL && env.LINTAS_ADMIN_PASSWORD
        ? { email: env.LINTAS_ADMIN_EMAIL, password: env.LINTAS_ADMIN_PASSWORD }
        : undefined,
    secret: env.LINTAS_SECRET,
    publicUrl: env.LINTAS_PUBLIC_URL,
    secureCookies: env.LINTAS_PUBLIC_URL?.startsWith('https://') ?? false,
    sessionHours: env.LINTAS_SESSION_HOURS,
    loginRateLimitPerMinute: env.LINTAS_LOGIN_RATE_LIMIT,
    publicRateLimitPerMinute: env.LINTAS_PUBLIC_RATE_LIMIT,
    lockoutAttempts: env.LINTAS_LOCKOUT_ATTEMPTS,
    lockoutMinutes: env.LINTAS_LOCKOUT_MINUTES,
    evidenceMaxBytes: env.LINTAS_EVIDENCE_MAX_BYTES,
    /** This node's identity among federated Lintas nodes; federation is off without it. */
    node: env.LINTAS_NODE_ID ? { id: env.LINTAS_NODE_ID, url: env.LINTAS_NODE_URL ?? env.LINTAS_PUBLIC_URL } : undefined,
    federationMaxBackoffMs: env.LINTAS_FEDERATION_MAX_BACKOFF_SECONDS * 1000,
    federationMaxAgeSeconds: env.LINTAS_FEDERATION_MAX_AGE_SECONDS,
  };
}

/** Reads and checks the configuration; throws a ConfigError that lists every problem in plain words. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  if (Boolean(parsed.data.LINTAS_ADMIN_EMAIL) !== Boolean(parsed.data.LINTAS_ADMIN_PASSWORD)) {
    throw new ConfigError(['LINTAS_ADMIN_EMAIL and LINTAS_ADMIN_PASSWORD must be given together']);
  }
  return toConfig(parsed.data);
}
