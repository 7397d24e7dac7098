import { getToken, reportUnauthorized } from '../auth/token';
import { toApiError } from './client';

export interface RawRequestOptions {
  method?: 'GET' | 'POST';
  /** Sent as is (a file, a blob, text), with `contentType`. */
  body?: Blob | string;
  contentType?: string;
  signal?: AbortSignal;
}

/**
 * Calls the API with this tab's token for what is not JSON in both directions: an uploaded
 * file, a downloaded export. Resolves with the response (status 2xx) for the caller to read;
 * rejects with an ApiError carrying the server's sentence. A 401 also tells the app.
 */
export async function rawApiRequest(
  path: string,
  options: RawRequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.contentType) headers['Content-Type'] = options.contentType;
  const response = await fetch(`/api${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body ?? null,
    signal: options.signal ?? null,
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) reportUnauthorized();
    throw error;
  }
  return response;
}

/**
 * The file name a `Content-Disposition` header gives (RFC 6266): the UTF-8 `filename*` when
 * present, else the plain `filename`. `null` when the header names none.
 */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : null;
}
