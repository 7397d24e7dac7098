import { expect, type APIRequestContext } from '@playwright/test';

export interface Invitation {
  id: string;
  name: string;
  role: string;
  delegation: string | null;
  token: string;
  link: string;
}

/**
 * The HTTP API as the tests use it to set a scene (a meeting, participants, a document) without
 * clicking through the secretariat's forms, which have their own test.
 */
export class AccordApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly baseUrl: string,
    readonly adminToken: string,
  ) {}

  private async call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    token: string,
    data?: unknown,
  ) {
    const response = await this.request.fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
      ...(data === undefined ? {} : { data }),
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(
      true,
    );
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  /** The meeting as the secretariat reads it, with its delegation colours. */
  meeting(meetingId: string): Promise<{ id: string; colors: Record<string, string> }> {
    return this.call('GET', `/meetings/${meetingId}`, this.adminToken);
  }

  createMeeting(title = 'Meeting of Ministers of Trade on MSMEs'): Promise<{ id: string }> {
    return this.call('POST', '/meetings', this.adminToken, { title, sector: 'Trade' });
  }

  addParticipant(
    meetingId: string,
    participant: { name: string; role: string; delegation?: string },
  ): Promise<Invitation> {
    return this.call('POST', `/meetings/${meetingId}/participants`, this.adminToken, participant);
  }

  revoke(meetingId: string, participantId: string): Promise<void> {
    return this.call(
      'DELETE',
      `/meetings/${meetingId}/participants/${participantId}`,
      this.adminToken,
    );
  }

  async createDocument(
    meetingId: string,
    title = 'Draft recommendation on MSMEs',
  ): Promise<{ id: string }> {
    const templates = await this.call<{ id: string; kind: string }[]>(
      'GET',
      '/templates',
      this.adminToken,
    );
    // Prefer a recommendation: it has operative paragraphs to number.
    const template =
      templates.find((entry) => entry.kind === 'policy_recommendation') ?? templates[0];
    if (!template) throw new Error('the server offers no templates');
    return this.call('POST', `/meetings/${meetingId}/documents`, this.adminToken, {
      templateId: template.id,
      title,
    });
  }

  lock(documentId: string): Promise<{ status: string }> {
    return this.call('POST', `/documents/${documentId}/lock`, this.adminToken);
  }

  textOf(documentId: string): Promise<string> {
    return this.request
      .get(`${this.baseUrl}/api/documents/${documentId}/content?format=text`, {
        headers: { Authorization: `Bearer ${this.adminToken}` },
      })
      .then((response) => response.text());
  }

  /** A page link with a token, as an invitation would carry it. */
  link(path: string, token: string): string {
    return `${this.baseUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
