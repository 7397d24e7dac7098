import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';

/** The server's settings, from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminToken: string | undefined;
  /** Explicit PUBLIC_URL, or null to derive it from the bound address. */
  publicUrl: string | null;
  tls: { cert: string; key: string } | null;
  /** Origins besides PUBLIC_URL's from which a browser may open the relay (ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** HTTP API requests a minute per link and per address (HTTP_REQUESTS_PER_MINUTE…). */
  requestRate?: { perToken?: number; perAddress?: number };
  /**
   * TRUST_PROXY: Express' `trust proxy` (true, a hop count, or addresses), for a server behind
   * a reverse proxy that terminates TLS: its `X-Forwarded-Proto: https` then marks the device's
   * sign-in cookie `Secure`, and its `X-Forwarded-For` names the caller's address.
   */
  trustProxy?: boolean | number | string;
  /**
   * The clustered mode (REDIS_URL and DATABASE_URL): PostgreSQL for everything durable, Redis
   * for the live stream between processes. Null: the embedded default.
   */
  cluster?: { redisUrl: string; databaseUrl: string } | null;
}

export class ConfigError extends Error {}

export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  const cert = env.TLS_CERT || undefined;
  const key = env.TLS_KEY || undefined;
  if ((cert && !key) || (!cert && key)) {
    throw new ConfigError('Set both TLS_CERT and TLS_KEY to serve HTTPS, or neither.');
  }
  let publicUrl = env.PUBLIC_URL || null;
  if (publicUrl) {
    try {
      const parsed = new URL(publicUrl);
      publicUrl = parsed.origin + parsed.pathname.replace(/\/+$/, '');
    } catch {
      throw new ConfigError(
        `PUBLIC_URL must be a full URL such as http://10.0.0.5:3000, not "${publicUrl}".`,
      );
    }
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      try {
        const parsed = new URL(origin);
        if (parsed.origin === 'null') throw new TypeError('no origin');
        return parsed.origin;
      } catch {
        throw new ConfigError(
          `ALLOWED_ORIGINS must list origins such as https://accord.example.org, not "${origin}".`,
        );
      }
    });
  const perMinute = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) {
      throw new ConfigError(`${name} must be a whole number of requests a minute, not "${value}".`);
    }
    return number;
  };
  const perToken = perMinute('HTTP_REQUESTS_PER_MINUTE');
  const perAddress = perMinute('HTTP_REQUESTS_PER_MINUTE_PER_ADDRESS');
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const cluster = parseCluster(env.REDIS_URL, env.DATABASE_URL);
  return {
    cluster,
    trustProxy,
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    adminToken: env.ADMIN_TOKEN || undefined,
    publicUrl,
    tls: cert && key ? { cert, key } : null,
    allowedOrigins,
    requestRate: {
      ...(perToken === undefined ? {} : { perToken }),
      ...(perAddress === undefined ? {} : { perAddress }),
    },
  };
}

function parseCluster(redis: string | undefined, database: string | undefined): Config['cluster'] {
  const redisUrl = (redis ?? '').trim();
  const databaseUrl = (database ?? '').trim();
  if (redisUrl === '' && databaseUrl === '') return null;
  if (redisUrl === '' || databaseUrl === '') {
    throw new ConfigError(
      `Set both REDIS_URL and DATABASE_URL for the clustered mode, or neither for the embedded one (only ${redisUrl === '' ? 'DATABASE_URL' : 'REDIS_URL'} is set).`,
    );
  }
  const check = (name: string, value: string, schemes: string[]) => {
    let scheme = '';
    try {
      scheme = new URL(value).protocol;
    } catch {
      // reported below
    }
    if (!schemes.includes(scheme)) {
      throw new ConfigError(
        `${name} must be a URL such as ${schemes[0]}//host:port${name === 'DATABASE_URL' ? '/accord' : ''}, not "${value.replace(/\/\/[^@/]*@/, '//…@')}".`,
      );
    }
  };
  check('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  check('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  return { redisUrl, databaseUrl };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[0-9A-Fa-f.:/,\s a-z]+$/.test(text)) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of proxies or their addresses, not "${text}".`,
    );
  }
  return text;
}

/** The machine's first non-loopback IPv4 address: what a meeting room's LAN reaches. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

/** The base of invitation links and the allowed WebSocket Origin. */
export function derivePublicUrl(config: Config, boundPort: number): string {
  if (config.publicUrl) return config.publicUrl;
  const scheme = config.tls ? 'https' : 'http';
  let host = config.host;
  if (host === '0.0.0.0' || host === '::') host = lanAddress() ?? '127.0.0.1';
  if (host.includes(':')) host = `[${host}]`;
  return `${scheme}://${host}:${boundPort}`;
}
