import { parentPort, workerData } from 'node:worker_threads';
import { checkObjective, type ObjectiveFile } from './check-objective';
import type { ObjectiveContext } from './objective-rules';

/** Worker thread: checks its share of objective files and posts the results back. */
const { files, context, keepData, memoKeys } = workerData as {
  files: ObjectiveFile[];
  context: ObjectiveContext;
  keepData: boolean;
  memoKeys: boolean;
};
parentPort!.postMessage(files.map((file) => checkObjective(file, context, keepData, memoKeys)));
