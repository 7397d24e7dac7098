import type { DocumentInfo, Invitation, Meeting, ParticipantRole } from '@accord/shared';

/** A thin HTTP client for tests: real requests to the real server. */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: string | Uint8Array; type?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    body = options.body;
    if (options.type) headers['content-type'] = options.type;
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body as BodyInit | undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json') && text) {
    parsed = JSON.parse(text);
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** A document's text in the contract's text format (now, or at a version), as a reader gets it. */
export async function documentText(
  baseUrl: string,
  documentId: string,
  token: string,
  version?: string,
): Promise<string> {
  const query = version ? `&version=${version}` : '';
  const answer = await api<string>(
    baseUrl,
    'GET',
    `/api/documents/${documentId}/content?format=text${query}`,
    { token },
  );
  if (answer.status !== 200) throw new Error(`text of ${documentId}: ${answer.status}`);
  return answer.body;
}

/** A meeting with a document and participants of the given roles, set up over HTTP. */
export interface Fixture {
  meeting: Meeting;
  document: DocumentInfo;
  people: Record<string, Invitation>;
}

export async function setUpMeeting(
  baseUrl: string,
  admin: string,
  people: Record<string, { role: ParticipantRole; delegation?: string; name?: string }>,
  templateId = 'blank-oas-resolution',
): Promise<Fixture> {
  const meeting = await api<Meeting>(baseUrl, 'POST', '/api/meetings', {
    token: admin,
    json: { title: 'Ministerial Meeting on MSMEs', sector: 'Trade' },
  });
  if (meeting.status !== 201) throw new Error(`meeting: ${meeting.status}`);
  const invited: Record<string, Invitation> = {};
  for (const [key, person] of Object.entries(people)) {
    const answer = await api<Invitation>(
      baseUrl,
      'POST',
      `/api/meetings/${meeting.body.id}/participants`,
      {
        token: admin,
        json: { name: person.name ?? key, role: person.role, delegation: person.delegation },
      },
    );
    if (answer.status !== 201) throw new Error(`participant ${key}: ${answer.status}`);
    invited[key] = answer.body;
  }
  const document = await api<DocumentInfo>(
    baseUrl,
    'POST',
    `/api/meetings/${meeting.body.id}/documents`,
    {
      token: admin,
      json: { templateId, title: 'Draft recommendations' },
    },
  );
  if (document.status !== 201)
    throw new Error(`document: ${document.status} ${JSON.stringify(document.body)}`);
  return { meeting: meeting.body, document: document.body, people: invited };
}
