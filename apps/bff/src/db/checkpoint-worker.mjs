// SQLite's WAL checkpoints, run on a thread of their own (decision 016). A checkpoint copies
// the log into the database file and waits for the disk twice; run by the connection that
// commits, it would hold up every request waiting on the event loop for that long.
// Plain JavaScript: a worker file is loaded by Node itself, from source and from the bundle.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
// Moves whenever another connection commits: a log nothing was added to is not re-read.
const dataVersion = db.prepare('PRAGMA data_version').pluck();
let seen;
let complete = true;

function checkpoint() {
  const version = dataVersion.get();
  if (version === seen && complete) return;
  seen = version;
  // PASSIVE copies what no reader still needs and never waits for a lock or blocks a writer.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  complete = result.busy === 0 && result.log === result.checkpointed;
  parentPort.postMessage({ type: 'checkpoint', ...result });
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.postMessage({ type: 'ready' });
