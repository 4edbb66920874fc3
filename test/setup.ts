// Test-wide setup: load simjs the Node way once per test process.
import { loadSimjsNode } from '../sim/entry/pools/loadSimjsNode';

loadSimjsNode();
