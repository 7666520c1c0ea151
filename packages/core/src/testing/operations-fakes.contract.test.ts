import { describe } from 'vitest';
import { FakeSystemMetrics } from './fake-system-metrics.ts';
import { InMemoryLogHistory } from './in-memory-log-history.ts';
import { describeLogHistoryContract } from './log-history.contract.ts';
import { describeSystemMetricsContract } from './system-metrics.contract.ts';

describe('FakeSystemMetrics', () => describeSystemMetricsContract(() => new FakeSystemMetrics()));

describe('InMemoryLogHistory', () =>
  describeLogHistoryContract(
    () => {
      const history = new InMemoryLogHistory(50);
      return { history, write: (level, message) => history.add({ time: new Date(), level, message }) };
    },
    { capacity: 50 },
  ));
