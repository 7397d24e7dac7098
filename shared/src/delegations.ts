/**
 * The 35 member states of the Organization of American States, in the English short names the
 * OAS uses on its own lists. A delegation may also be a group ("CARICOM", "SICA"): these are
 * suggestions, never a closed list.
 */
export const OAS_MEMBER_STATES: readonly string[] = [
  'Antigua and Barbuda',
  'Argentina',
  'The Bahamas',
  'Barbados',
  'Belize',
  'Bolivia',
  'Brazil',
  'Canada',
  'Chile',
  'Colombia',
  'Costa Rica',
  'Cuba',
  'Dominica',
  'Dominican Republic',
  'Ecuador',
  'El Salvador',
  'Grenada',
  'Guatemala',
  'Guyana',
  'Haiti',
  'Honduras',
  'Jamaica',
  'Mexico',
  'Nicaragua',
  'Panama',
  'Paraguay',
  'Peru',
  'Saint Kitts and Nevis',
  'Saint Lucia',
  'Saint Vincent and the Grenadines',
  'Suriname',
  'Trinidad and Tobago',
  'United States',
  'Uruguay',
  'Venezuela',
];

/** Groups that often speak as one delegation in OAS meetings. */
export const DELEGATION_GROUPS: readonly string[] = [
  'CARICOM',
  'SICA',
  'MERCOSUR',
  'Andean Community',
];
