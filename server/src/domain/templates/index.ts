export { loadTemplates, type LoadedTemplates, type TemplateProblem } from './load';
export { instantiateTemplate } from './instantiate';
