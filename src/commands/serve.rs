//! `councilgraph serve`: the SPARQL endpoint.

use super::{Printer, Status};
use crate::cli::ServeArgs;
use crate::graph::store;
use crate::serve::{self, Settings};
use std::time::Duration;

pub fn run(args: &ServeArgs, printer: Printer) -> anyhow::Result<Status> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let st = if args.allow_update {
        store::open_for_writing(&args.store.store)?
    } else {
        store::open_for_reading(&args.store.store)?
    };
    let settings = Settings {
        bind: args.bind.clone(),
        timeout: Duration::from_secs_f64(args.timeout),
        max_body: args.max_body,
        allow_update: args.allow_update,
        threads: args.threads,
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
