import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'change-sqs-to-fifo',
  severity: 'error',
  category: 'changes',
  kind: 'change',
  description: 'A change turns a standard SQS queue into a FIFO queue (or back): the queue is replaced, with the messages in it.',
  suggest: ['a new FIFO queue beside the old one, drained before the old is removed'],
  sources: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-moving.html'],
  messages: {
    fifo: 'Queue "{{queue}}" changes FifoQueue from {{before}} to {{after}}: a queue cannot change type, so CloudFormation replaces it and the messages in it are lost.',
  },
  check({ graph, base, report }) {
    if (!base) return;
    const isFifo = (q: ReturnType<typeof graph.resource>) => !!q && (q.booleans('FifoQueue').some((b) => b.value) || q.strings('QueueName').some((n) => n.value.endsWith('.fifo')));
    for (const queue of graph.ofType('AWS::SQS::Queue')) {
      const old = base.resource(queue.id);
      if (!old || old.type !== queue.type || isFifo(old) === isFifo(queue)) continue;
      report({ message: 'fifo', at: queue.pathOf('FifoQueue'), data: { queue: queue.id, before: String(isFifo(old)), after: String(isFifo(queue)) } });
    }
  },
});
