export * from './api';
export * from './content';
export * from './ids';
export * from './numbering';
export * from './protocol';
export * from './roles';
export * from './text';
export * from './colors';
