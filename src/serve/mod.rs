//! Serve: a SPARQL 1.1 Protocol endpoint over the store.
//!
//! `GET /sparql?query=…`, `POST` with `application/sparql-query` or a form
//! body; results by content negotiation; the default graph is the store's:
//! every distinct triple of the documents' graphs, once. Safe by default: loopback only, read-only (updates
//! get 403 unless `--allow-update`, and never from another origin), a time
//! limit per query that cancels its evaluation, a size limit per request,
//! deadlines for reading each request, CORS for reads, one access-log line
//! per request, and a clean stop on Ctrl-C or SIGTERM.
//!
//! A small synchronous server: a thread per connection (at most
//! [`MAX_CONNECTIONS`]), each request read against a deadline, and at most
//! `--threads` queries evaluated at once, each in a worker process
//! (`councilgraph serve-worker`) that is killed when its time is up, so the
//! work really stops and a query that crashes its worker cannot take the
//! server down. Queries are CPU-bound calls into oxigraph, which is
//! synchronous too, so an async runtime would add weight without adding
//! throughput.

mod connection;
mod description;
mod entity;
mod execute;
mod html;
mod http;
mod negotiate;
mod page;
mod pool;
mod protocol;
mod reply;
mod snapshot;
pub mod worker;

use oxigraph::store::Store;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Connections served at once; more are answered 503 and closed.
pub const MAX_CONNECTIONS: usize = 512;

/// Endpoint settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: String,
    /// The store's directory (query workers open it read-only).
    pub store: PathBuf,
    /// The base of the entity IRIs served at `/id/`.
    pub base: String,
    /// Longest evaluation of one query.
    pub timeout: Duration,
    /// Longest wait for a request's head, and again for its body.
    pub read_timeout: Duration,
    pub max_body: u64,
    pub allow_update: bool,
    /// Queries evaluated at once.
    pub threads: usize,
    pub quiet: bool,
    /// The councilgraph program that runs query workers (`serve-worker`);
    /// `None` is this program. Set it when serving from another program,
    /// such as a fuzz target.
    pub worker: Option<PathBuf>,
}

/// Serving failed to start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {0}: {1}")]
    Bind(String, String),
    #[error("cannot install the Ctrl-C handler: {0}")]
    Signal(String),
    #[error("cannot find this program to start query workers: {0}")]
    Program(String),
}

/// What every connection shares.
pub struct Shared {
    /// The store, reopened after builds when read-only (see `snapshot`).
    pub store: snapshot::Current,
    pub settings: Settings,
    /// The address the server listens on (for the service description).
    pub local: SocketAddr,
    pub pool: pool::Pool,
    connections: AtomicUsize,
}

/// Serves until Ctrl-C or SIGTERM (then returns Ok). `on_ready` gets the
/// bound address.
pub fn serve(store: Store, settings: &Settings, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    // the handler first: once the port accepts, Ctrl-C stops cleanly
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .map_err(|e| ServeError::Signal(e.to_string()))?;
    }
    let bind_error = |e: std::io::Error| ServeError::Bind(settings.bind.clone(), e.to_string());
    let listener = TcpListener::bind(&settings.bind).map_err(bind_error)?;
    listener.set_nonblocking(true).map_err(bind_error)?;
    let local = listener.local_addr().map_err(bind_error)?;
    let program = match &settings.worker {
        Some(p) => p.clone(),
        None => std::env::current_exe().map_err(|e| ServeError::Program(e.to_string()))?,
    };
    let command = pool::WorkerCommand { program, store: settings.store.clone() };
    let shared = Arc::new(Shared {
        store: snapshot::Current::new(store, settings.store.clone(), settings.allow_update),
        settings: settings.clone(),
        local,
        pool: pool::Pool::new(command, settings.threads, settings.timeout.as_secs_f64()),
        connections: AtomicUsize::new(0),
    });
    on_ready(local);
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, peer)) => accept(&shared, stream, peer),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    Ok(())
}

/// Hands a connection to a thread of its own, or answers 503 when there are
/// too many.
fn accept(shared: &Arc<Shared>, stream: std::net::TcpStream, peer: SocketAddr) {
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
        shared.connections.fetch_sub(1, Ordering::SeqCst);
        connection::too_busy(stream);
        return;
    }
    let shared2 = shared.clone();
    let spawned = std::thread::Builder::new().name("connection".into()).spawn(move || {
        connection::serve(&shared2, stream, peer);
        shared2.connections.fetch_sub(1, Ordering::SeqCst);
    });
    if spawned.is_err() {
        shared.connections.fetch_sub(1, Ordering::SeqCst);
    }
}
