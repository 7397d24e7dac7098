import { describe, expect, it } from 'vitest';
import { errorSentence } from './errorSentence';

describe('refusals read as sentences', () => {
  it('[MD7] drops the field name the validator put in front, and ends with a stop', () => {
    expect(errorSentence('endsOn: the meeting cannot end before it starts', 'endsOn')).toBe(
      'The meeting cannot end before it starts.',
    );
  });

  it('[MD7] leaves a sentence that names no field as it is', () => {
    expect(errorSentence('There is no such meeting.')).toBe('There is no such meeting.');
    expect(errorSentence('title: Too long!', 'title')).toBe('Too long!');
  });
});
