//! Serve: a SPARQL 1.1 Protocol endpoint over the store.
//!
//! `GET /sparql?query=…`, `POST` with `application/sparql-query` or a form
//! body; results by content negotiation; the default graph is the union of
//! the documents' graphs. Safe by default: loopback only, read-only (updates
//! get 403 unless `--allow-update`), a time limit per query, a size limit
//! per request, CORS for browser clients, one access-log line per request,
//! and a clean stop on Ctrl-C or SIGTERM.
//!
//! A small synchronous server (tiny_http) and a fixed pool of worker
//! threads: queries are CPU-bound calls into oxigraph, which is synchronous
//! too, so an async runtime would add weight without adding throughput.

mod page;
mod protocol;

use oxigraph::store::Store;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Endpoint settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: String,
    pub timeout: Duration,
    pub max_body: usize,
    pub allow_update: bool,
    pub threads: usize,
    pub quiet: bool,
}

/// Serving failed to start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {0}: {1}")]
    Bind(String, String),
    #[error("cannot install the Ctrl-C handler: {0}")]
    Signal(String),
}

/// Serves until Ctrl-C or SIGTERM. `on_ready` gets the bound address.
pub fn serve(store: Store, settings: &Settings, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let server =
        tiny_http::Server::http(&settings.bind).map_err(|e| ServeError::Bind(settings.bind.clone(), e.to_string()))?;
    let server = Arc::new(server);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let server = server.clone();
        ctrlc::set_handler(move || {
            stop.store(true, Ordering::SeqCst);
            server.unblock();
        })
        .map_err(|e| ServeError::Signal(e.to_string()))?;
    }
    if let Some(addr) = server.server_addr().to_ip() {
        on_ready(addr);
    }
    let workers: Vec<_> = (0..settings.threads.max(1))
        .map(|_| {
            let server = server.clone();
            let stop = stop.clone();
            let store = store.clone();
            let settings = settings.clone();
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match server.recv_timeout(Duration::from_millis(250)) {
                        Ok(Some(request)) => handle(&store, &settings, request),
                        Ok(None) => {}
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn handle(store: &Store, settings: &Settings, mut request: tiny_http::Request) {
    let started = Instant::now();
    let method = request.method().to_string();
    let url = request.url().to_owned();
    let peer = request.remote_addr().map(|a| a.to_string()).unwrap_or_default();
    let response = protocol::respond(store, settings, &mut request);
    let status = response.status;
    let length = response.body.len();
    let _ = request.respond(response.into_tiny());
    if !settings.quiet {
        let path = url.split('?').next().unwrap_or("");
        eprintln!("{peer} {method} {path} {status} {length}B {}ms", started.elapsed().as_millis());
    }
}
