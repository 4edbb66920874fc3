/**
 * The Web Worker that runs the traffic lab off the window's thread: a full lab (with progress) or
 * the quick steady-state run behind the inspector's verdict. simjs arrives wrapped at build time.
 */
import Sim from 'simjs';
import { installSimjs } from '../../sim/engine/simjs';
import { quickLabOptions, runTrafficLab } from '../../sim/traffic-lab';
import type { TrafficLabMessage, TrafficLabRequest } from './trafficProtocol';

installSimjs(Sim);

const scope = self as unknown as { postMessage(message: TrafficLabMessage): void; onmessage: ((event: MessageEvent<TrafficLabRequest>) => void) | null };

scope.onmessage = (event) => {
  const job = event.data;
  if (job?.type !== 'lab' && job?.type !== 'quick') return;
  try {
    const options = job.type === 'quick' ? quickLabOptions(job.plan, job.balancerId, job.options.seed) : job.options;
    let last = 0;
    const report = runTrafficLab(job.plan, job.balancerId, options, (share) => {
      // A message per percent at most: the window does not need more.
      if (share - last >= 0.01 || share === 1) {
        last = share;
        scope.postMessage({ type: 'progress', id: job.id, share });
      }
    });
    scope.postMessage({ type: 'done', id: job.id, report });
  } catch (error) {
    scope.postMessage({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) });
  }
};
