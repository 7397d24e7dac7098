import { describe, expect, it } from 'vitest';
import {
  alternative,
  bracket,
  doc,
  heading,
  italic,
  note,
  operative,
  organ,
  preambular,
  sub,
  sub2,
  title,
  withStatus,
} from '@accord/shared/testing';
import { input, seedDraft } from './fixtures';
import { exportDraft } from './index';
import { validateAkn } from './readers';

function count(xml: string, element: string): number {
  return xml.match(new RegExp(`<${element}[ >]`, 'g'))?.length ?? 0;
}

describe('Akoma Ntoso export', () => {
  it('validates against the OASIS schema, with citations, recitals and paragraphs counted', async () => {
    const { body, contentType, extension } = await exportDraft('akn', input(seedDraft()));
    expect(contentType).toBe('application/akn+xml; charset=utf-8');
    expect(extension).toBe('xml');
    expect(await validateAkn(body)).toMatch(/validates/);
    const xml = body.toString('utf8');
    expect(xml).toContain('<statement name="resolution"');
    expect(count(xml, 'citation')).toBe(2);
    expect(count(xml, 'recital')).toBe(2);
    expect(count(xml, 'paragraph')).toBe(4);
    expect(count(xml, 'subparagraph')).toBe(3);
    expect(xml).toMatch(/<intro>\s*<p>HAVING SEEN:<\/p>/);
    expect(xml).toMatch(/<intro>\s*<p>CONSIDERING:<\/p>/);
    expect(xml).toContain('<paragraph eId="para_3" wId="op3">');
    expect(xml).toContain('<subparagraph eId="para_3__subpara_b" wId="sb">');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xml).toContain('showAs="Sixth Meeting of Ministers and High Authorities of MSMEs"');
    expect(xml).toContain('<formula name="enactingFormula">');
  });

  it('classifies UN-style preambles by their lead words and nests level-2 sub-paragraphs', async () => {
    const content = doc(
      title('MSME FINANCE'),
      note('Draft resolution'),
      organ('The Ministers,'),
      preambular('p1', italic('Recalling'), ' resolution 70/1,'),
      preambular('p2', italic('Recognizing'), ' the role of MSMEs,'),
      preambular('p3', italic('Noting'), ' the report,'),
      operative('o1', italic('Decides'), ' to act;'),
      alternative('o1b', italic('Decides'), ' to act now;'),
      operative('o2', 'Requests:'),
      sub('s1', 'Training;'),
      sub2('s2', 'for women;'),
      sub('s3', 'Credit.'),
    );
    const { body } = await exportDraft('akn', input(content, { style: 'un', language: 'fr' }));
    expect(await validateAkn(body)).toMatch(/validates/);
    const xml = body.toString('utf8');
    expect(count(xml, 'citation')).toBe(1);
    expect(count(xml, 'recital')).toBe(2);
    expect(count(xml, 'paragraph')).toBe(3);
    expect(xml).toContain('eId="para_1bis"');
    expect(xml).toContain('eId="para_2__subpara_a__subpara_i"');
    expect(xml).toContain('<num>(i)</num>');
    expect(xml).toContain('<FRBRlanguage language="fra"/>');
  });

  it('escapes hostile text and stays valid', async () => {
    const hostile = '<script>alert("x")</script> & \'q\' \u200f\u0007]]>';
    const content = doc(
      title(hostile),
      heading('RESOLVES:'),
      operative('o 1', hostile, bracket([hostile], 'more')),
    );
    const { body } = await exportDraft('akn', input(content, { meeting: { title: hostile } }));
    expect(await validateAkn(body)).toMatch(/validates/);
    const xml = body.toString('utf8');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('[AP10] carries the apparatus, numbered eIds and paragraph status, typed by the template kind', async () => {
    const draft = seedDraft();
    draft.content = [
      ...(draft.content ?? []),
      withStatus('agreed', operative('o5', 'To thank the host country.')),
      withStatus('ad_ref', operative('o6', 'To convene the next meeting.')),
    ];
    const base = input(draft);
    const kinds = [
      ['resolution', '<statement name="resolution"'],
      ['ministerial_declaration', '<statement name="declaration"'],
      ['policy_recommendation', '<statement name="recommendation"'],
      ['report', '<doc name="report"'],
    ] as const;
    for (const [kind, opening] of kinds) {
      const document = {
        ...base.document,
        kind,
        symbol: 'OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26 rev. 1',
      };
      const { body } = await exportDraft('akn', { ...base, document });
      expect(await validateAkn(body), kind).toMatch(/validates/);
      const xml = body.toString('utf8');
      expect(xml, kind).toContain(opening);
      expect(xml).toContain('<docNumber>OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26 rev. 1</docNumber>');
      expect(xml).toContain('<FRBRnumber value="OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26 rev. 1"/>');
      expect(xml).toContain('<docDate date="2026-11-28">');
      expect(xml).toContain('<docStatus>Draft, Rev.1</docStatus>');
      expect(xml).toContain(
        '<docProponent refersTo="#meeting">Sixth Meeting of Ministers and High Authorities of MSMEs</docProponent>',
      );
      expect(xml).toContain('<citation eId="cit_1" wId="pre1">');
      expect(xml).toContain('<citation eId="cit_2" wId="pre2">');
      expect(xml).toContain('<recital eId="rec_1" wId="pre3">');
      expect(xml).toMatch(/<accord:paragraphStatus [^>]*href="#para_5" status="agreed"\/>/);
      expect(xml).toMatch(/<accord:paragraphStatus [^>]*href="#para_6" status="ad_ref"\/>/);
    }
  });

  it('[AP11] adds no whitespace inside mixed content', async () => {
    const content = doc(
      title('MSME ', italic('FINANCE')),
      heading('RESOLVES:'),
      operative(
        'o1',
        'To urge ',
        italic('all'),
        ' member states to consider ',
        bracket(['Chile'], 'policies'),
        ' now;',
      ),
    );
    const { body } = await exportDraft('akn', input(content));
    expect(await validateAkn(body)).toMatch(/validates/);
    const xml = body.toString('utf8');
    expect(xml).toContain('<docTitle>MSME <i>FINANCE</i></docTitle>');
    expect(xml).toContain(
      '<p>To urge <i>all</i> member states to consider <span class="bracket" title="Bracketed text proposed by Chile.">[policies]</span> now;</p>',
    );
  });
});
