import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'cfn-resource-shape',
  severity: 'error',
  category: 'cloudformation',
  description: 'A resource that is not a mapping with a string Type: CloudFormation rejects the template, and archlint cannot check it.',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html'],
  messages: {
    notMapping: 'Resource "{{id}}" is {{what}}, not a mapping with a Type and Properties.',
    noType: 'Resource "{{id}}" has no Type.',
    typeNotString: 'Resource "{{id}}" has a Type that is {{what}}, not a resource type name.',
  },
  check({ graph, report }) {
    const resources = graph.template.body.Resources;
    if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) return;
    // The graph lists the resources it left out: a second pass over every resource here cost a
    // lookup and a read of each one's Type, far apart in memory in a large template.
    for (const id of graph.untyped) {
      const raw = (resources as Record<string, unknown>)[id];
      // Fn::ForEach blocks (AWS::LanguageExtensions) expand into resources at deploy time; they are not expanded here.
      if (id.startsWith('Fn::ForEach::')) continue;
      const at = ['Resources', id];
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        report({ message: 'notMapping', at, data: { id, what: describe(raw) } });
      } else if (!Object.hasOwn(raw, 'Type')) {
        report({ message: 'noType', at, data: { id } });
      } else {
        report({ message: 'typeNotString', at: [...at, 'Type'], data: { id, what: describe((raw as { Type: unknown }).Type) } });
      }
    }
  },
});

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
