import { GLUE } from '../../src/data/limits.js';
import { defineRule } from '../../src/engine/rule.js';
import { commandNames } from './lib/jobs.js';

const PYTHON_SHELL_CAPACITIES = [0.0625, 1];

export default defineRule({
  id: 'glue-capacity-config',
  severity: 'error',
  category: 'glue',
  description: 'Glue job capacity that the service refuses: MaxCapacity with WorkerType/NumberOfWorkers, one of those without the other, or MaxCapacity out of range for the job type.',
  seed: 'Can provision additional Data Processing Units (DPU) to increase performance',
  suggest: [],
  sources: ['https://docs.aws.amazon.com/glue/latest/dg/add-job.html', 'https://docs.aws.amazon.com/glue/latest/webapi/API_CreateJob.html'],
  messages: {
    both: 'Glue job "{{job}}" sets MaxCapacity together with {{other}}; use either MaxCapacity or WorkerType with NumberOfWorkers.',
    half: 'Glue job "{{job}}" sets {{present}} without {{missing}}; they go together.',
    pythonShell: 'Glue job "{{job}}" is a Python shell job with MaxCapacity {{capacity}}; it accepts only 0.0625 or 1.',
    spark: 'Glue job "{{job}}" has MaxCapacity {{capacity}} DPU; a Spark job takes {{min}} to {{max}}.',
  },
  check({ graph, report }) {
    for (const job of graph.ofType('AWS::Glue::Job')) {
      const hasMax = job.has('MaxCapacity');
      const hasType = job.has('WorkerType');
      const hasCount = job.has('NumberOfWorkers');
      if (hasMax && (hasType || hasCount)) {
        report({ message: 'both', at: job.pathOf('MaxCapacity'), data: { job: job.id, other: [hasType && 'WorkerType', hasCount && 'NumberOfWorkers'].filter(Boolean).join(' and ') } });
      }
      if (hasType !== hasCount) {
        const [present, missing] = hasType ? ['WorkerType', 'NumberOfWorkers'] : ['NumberOfWorkers', 'WorkerType'];
        report({ message: 'half', at: job.pathOf(present), data: { job: job.id, present, missing } });
      }
      const commands = commandNames(job);
      for (const capacity of job.numbers('MaxCapacity')) {
        if (commands.includes('pythonshell')) {
          if (!PYTHON_SHELL_CAPACITIES.includes(capacity.value)) report({ message: 'pythonShell', at: capacity.path, data: { job: job.id, capacity: capacity.value } });
        } else if (commands.includes('glueetl') || commands.includes('gluestreaming')) {
          const min = GLUE.sparkMinCapacity.value;
          const max = GLUE.sparkMaxCapacity.value;
          if (capacity.value < min || capacity.value > max) report({ message: 'spark', at: capacity.path, data: { job: job.id, capacity: capacity.value, min, max } });
        }
      }
    }
  },
});
