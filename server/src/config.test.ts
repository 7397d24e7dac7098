import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from './config';

describe('configuration from the environment', () => {
  it('[N20] ALLOWED_ORIGINS and the request limits are read, and bad values are named', () => {
    const config = configFromEnv({
      ALLOWED_ORIGINS: ' https://accord.example.org/ , http://10.0.0.5:3000',
      HTTP_REQUESTS_PER_MINUTE: '120',
    });
    expect(config.allowedOrigins).toEqual(['https://accord.example.org', 'http://10.0.0.5:3000']);
    expect(config.requestRate).toEqual({ perToken: 120 });
    expect(configFromEnv({}).allowedOrigins).toEqual([]);
    expect(() => configFromEnv({ ALLOWED_ORIGINS: 'accord.example.org' })).toThrow(ConfigError);
    expect(() => configFromEnv({ HTTP_REQUESTS_PER_MINUTE_PER_ADDRESS: 'many' })).toThrow(
      /HTTP_REQUESTS_PER_MINUTE_PER_ADDRESS/,
    );
  });
});
