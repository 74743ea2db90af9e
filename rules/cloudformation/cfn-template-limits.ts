import { CFN_TEMPLATE_LIMITS } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';

/** Warn from this share of a limit, as cfn-lint does. */
const WARN_AT = 0.9;

export default defineRule({
  id: 'cfn-template-limits',
  severity: 'error',
  category: 'cloudformation',
  description: "CloudFormation's template quotas: resources, parameters, outputs, mappings, name lengths, Description and body size (error above, warning from 90%).",
  suggest: ['nested stacks (AWS::CloudFormation::Stack)', 'splitting the application into several stacks'],
  sources: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html'],
  messages: {
    count: 'The template has {{count}} {{what}}; CloudFormation allows {{max}}.',
    nearCount: 'The template has {{count}} {{what}}, {{percent}}% of the {{max}} CloudFormation allows.',
    nameLength: '{{what}} "{{name}}" is {{length}} characters long; CloudFormation allows {{max}}.',
    description: 'The template Description is {{bytes}} bytes; CloudFormation allows {{max}}.',
    body: 'The template is {{bytes}} bytes; {{limit}}.',
  },
  check({ graph, report }) {
    const body = graph.template.body;
    const reportCount = (count: number, max: number, what: string, at: string[]) => {
      if (count > max) report({ message: 'count', at, data: { count, what, max } });
      else if (count >= WARN_AT * max) report({ message: 'nearCount', severity: 'warning', at, data: { count, what, max, percent: Math.floor((count / max) * 100) } });
    };
    const sections = [
      ['Resources', 'resources', CFN_TEMPLATE_LIMITS.resources.value],
      ['Parameters', 'parameters', CFN_TEMPLATE_LIMITS.parameters.value],
      ['Outputs', 'outputs', CFN_TEMPLATE_LIMITS.outputs.value],
      ['Mappings', 'mappings', CFN_TEMPLATE_LIMITS.mappings.value],
    ] as const;
    for (const [section, what, max] of sections) {
      const value = body[section];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      // The graph lists the resources' logical IDs once for every rule that needs them.
      const names = section === 'Resources' ? graph.logicalIds : Object.keys(value);
      reportCount(names.length, max, what, [section]);
      const idMax = CFN_TEMPLATE_LIMITS.idLength.value;
      // Indexed: it runs over every resource, once per lint, mostly before V8 optimises it.
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name.length > idMax) report({ message: 'nameLength', onKey: true, at: [section, name], data: { what: what.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase()), name: `${name.slice(0, 24)}…`, length: name.length, max: idMax } });
      }
      if (section === 'Mappings') {
        const attrMax = CFN_TEMPLATE_LIMITS.mappingAttributes.value;
        for (const name of names) {
          const entries = (value as Record<string, unknown>)[name];
          if (entries === null || typeof entries !== 'object') continue;
          reportCount(Object.keys(entries).length, attrMax, `entries in mapping ${name}`, [section, name]);
        }
      }
    }
    if (typeof body.Description === 'string') {
      const bytes = Buffer.byteLength(body.Description, 'utf8');
      const max = CFN_TEMPLATE_LIMITS.description.value;
      if (bytes > max) report({ message: 'description', at: ['Description'], data: { bytes, max } });
    }
    const bytes = Buffer.byteLength(graph.template.text, 'utf8');
    if (bytes > CFN_TEMPLATE_LIMITS.bodyS3.value) {
      report({ message: 'body', at: [], data: { bytes, limit: `CloudFormation accepts at most ${CFN_TEMPLATE_LIMITS.bodyS3.value} bytes, even from S3` } });
    } else if (bytes > CFN_TEMPLATE_LIMITS.bodyInline.value) {
      const limit = `passed inline (--template-body) CloudFormation accepts at most ${CFN_TEMPLATE_LIMITS.bodyInline.value} bytes, so it must be uploaded to S3`;
      report({ message: 'body', severity: 'warning', at: [], data: { bytes, limit } });
    }
  },
});
