//! Worker processes that evaluate queries: at most `--threads` at once,
//! each reused while it answers in time. A worker past the time limit is
//! killed (its CPU and memory come back at once) and a fresh one started
//! for the next query; a worker that dies (a query that crashed it) costs
//! that query a 500, never the server.

use super::execute::Job;
use super::reply::Reply;
use super::{snapshot, worker};
use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::{Instant, SystemTime};

/// How to start a worker: this program, `serve-worker --store DIR`.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub store: PathBuf,
}

pub struct Pool {
    command: WorkerCommand,
    /// Workers not running a query.
    idle: Mutex<Vec<Worker>>,
    /// Queries that may start (permits).
    free: Mutex<usize>,
    freed: Condvar,
    /// Bumped after each update: older workers read an older snapshot.
    generation: AtomicU64,
    timeout_secs: f64,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<Reply>,
    generation: u64,
    /// The store's version when the worker opened it.
    version: Option<SystemTime>,
}

impl Pool {
    pub fn new(command: WorkerCommand, size: usize, timeout_secs: f64) -> Self {
        Self {
            command,
            idle: Mutex::new(Vec::new()),
            free: Mutex::new(size.max(1)),
            freed: Condvar::new(),
            generation: AtomicU64::new(0),
            timeout_secs,
        }
    }

    /// Runs a job, answering by `deadline`.
    pub fn run(&self, job: &Job, deadline: Instant) -> Reply {
        if !self.acquire(deadline) {
            return Reply::text(503, "every query worker is busy: try again shortly").with_header("Retry-After", "1");
        }
        let reply = self.run_on_worker(job, deadline);
        self.release();
        reply
    }

    /// Workers started before now are retired (after an update).
    pub fn retire_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let old: Vec<Worker> = std::mem::take(&mut *lock(&self.idle));
        old.into_iter().for_each(Worker::kill);
    }

    fn run_on_worker(&self, job: &Job, deadline: Instant) -> Reply {
        // a fresh worker that dies at once (the store mid-build, say) gets one more try
        for attempt in 0..2 {
            let (mut w, fresh) = match self.take_worker() {
                Ok(w) => w,
                Err(e) => return Reply::text(500, format!("cannot start a query worker: {e}")),
            };
            let sent = worker::send(&mut w.stdin, job).is_ok();
            let answer = if sent {
                w.replies.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            } else {
                Err(mpsc::RecvTimeoutError::Disconnected)
            };
            match answer {
                Ok(reply) => {
                    self.give_back(w);
                    return reply;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    w.kill();
                    return Reply::text(
                        503,
                        format!("the query ran past the time limit of {} s and was stopped", self.timeout_secs),
                    );
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    w.kill();
                    if !(fresh && attempt == 0) {
                        break;
                    }
                }
            }
        }
        Reply::text(500, "the query stopped its worker (it may need more memory or stack than allowed)")
    }

    /// An idle worker that reads the store as it is now, or a new one
    /// (true when new).
    fn take_worker(&self) -> std::io::Result<(Worker, bool)> {
        let now = self.generation.load(Ordering::SeqCst);
        let version = snapshot::version(&self.command.store);
        while let Some(w) = lock(&self.idle).pop() {
            if w.generation == now && w.version == version {
                return Ok((w, false));
            }
            w.kill();
        }
        self.spawn(now, version).map(|w| (w, true))
    }

    fn give_back(&self, w: Worker) {
        if w.generation == self.generation.load(Ordering::SeqCst) {
            lock(&self.idle).push(w);
        } else {
            w.kill();
        }
    }

    fn spawn(&self, generation: u64, version: Option<SystemTime>) -> std::io::Result<Worker> {
        let mut child = Command::new(&self.command.program)
            .arg("serve-worker")
            .arg("--store")
            .arg(&self.command.store)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdin = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?;
        let (tx, replies) = mpsc::channel();
        std::thread::Builder::new().name("worker-reader".into()).spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Ok(reply) = worker::receive(&mut r) {
                if tx.send(reply).is_err() {
                    break;
                }
            }
        })?;
        Ok(Worker { child, stdin, replies, generation, version })
    }

    fn acquire(&self, deadline: Instant) -> bool {
        let mut free = lock(&self.free);
        while *free == 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            free = self.freed.wait_timeout(free, left).unwrap_or_else(|e| e.into_inner()).0;
        }
        *free -= 1;
        true
    }

    fn release(&self) {
        *lock(&self.free) += 1;
        self.freed.notify_one();
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        std::mem::take(&mut *lock(&self.idle)).into_iter().for_each(Worker::kill);
    }
}

impl Worker {
    fn kill(mut self) {
        let _ = self.stdin.flush();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
