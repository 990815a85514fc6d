//! `councilgraph serve`: the SPARQL endpoint.

use super::{checks, Printer, Status};
use crate::cli::ServeArgs;
use crate::graph::store;
use crate::serve::{self, Settings};

/// The largest `--max-body` (1 GiB) and `--threads` accepted.
const MAX_BODY: usize = 1 << 30;
const MAX_THREADS: usize = 1024;

pub fn run(args: &ServeArgs, printer: Printer) -> anyhow::Result<Status> {
    let timeout = checks::seconds("--timeout", args.timeout)?;
    let max_body = checks::within("--max-body", args.max_body, 1, MAX_BODY)?;
    let threads = checks::within("--threads", args.threads, 1, MAX_THREADS)?;
    let st = if args.allow_update {
        store::open_for_writing(&args.store.store)?
    } else {
        store::open_for_reading(&args.store.store)?
    };
    let settings = Settings {
        bind: args.bind.clone(),
        timeout,
        max_body,
        allow_update: args.allow_update,
        threads,
        quiet: printer.quiet,
    };
    serve::serve(st, &settings, |addr| {
        // Always printed, so scripts can find the port (with --bind …:0).
        eprintln!(
            "councilgraph: listening on http://{addr}/sparql ({}; Ctrl-C stops)",
            if settings.allow_update { "updates allowed" } else { "read-only" }
        );
    })?;
    printer.info("councilgraph: stopped");
    Ok(Status::Ok)
}
