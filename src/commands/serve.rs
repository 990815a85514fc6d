//! `councilgraph serve`: the SPARQL endpoint.

use super::{Printer, Status};
use crate::cli::{ServeArgs, ServeWorkerArgs};
use crate::graph::store;
use crate::serve::{self, Settings};
use std::time::Duration;

pub fn run(args: &ServeArgs, printer: Printer) -> anyhow::Result<Status> {
    if oxigraph::model::NamedNode::new(args.base.as_str()).is_err() || !args.base.ends_with(['/', '#']) {
        anyhow::bail!("--base must be an absolute IRI ending in / or #, such as https://w3id.org/councilgraph/id/");
    }
    let st = if args.allow_update {
        store::open_for_writing(&args.store.store)?
    } else {
        store::open_for_reading(&args.store.store)?
    };
    store::check_layout(&st, &args.store.store)?;
    let settings = Settings {
        bind: args.bind.clone(),
        store: args.store.store.clone(),
        base: args.base.clone(),
        timeout: Duration::from_secs_f64(args.timeout),
        read_timeout: Duration::from_secs_f64(args.read_timeout),
        max_body: args.max_body,
        allow_update: args.allow_update,
        threads: usize::from(args.threads),
        quiet: printer.quiet,
        worker: None,
    };
    serve::serve(st, &settings, |addr| {
        printer.info(format!(
            "councilgraph: listening on http://{addr}/sparql ({}; Ctrl-C stops)",
            if settings.allow_update { "updates allowed" } else { "read-only" }
        ));
    })?;
    printer.info("councilgraph: stopped");
    Ok(Status::Interrupted)
}

/// A query worker, started by `serve`.
pub fn worker(args: &ServeWorkerArgs) -> anyhow::Result<Status> {
    let st = store::open_for_reading(&args.store.store)?;
    serve::worker::run(st)?;
    Ok(Status::Ok)
}
