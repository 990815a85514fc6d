//! `councilgraph push`: graphs to an external store, one line per graph.

use super::{Printer, Status};
use crate::cli::{PushArgs, PushProtocol};
use crate::graph::store;
use crate::push::{self, auth::Credentials, Protocol, Settings};
use std::time::Duration;

pub fn run(args: &PushArgs, printer: Printer) -> anyhow::Result<Status> {
    let credentials = match (&args.user, &args.password_env) {
        (Some(user), Some(var)) => {
            let password = std::env::var(var)
                .map_err(|_| anyhow::anyhow!("the environment variable {var} (from --password-env) is not set"))?;
            Some(Credentials { user: user.clone(), password })
        }
        _ => None,
    };
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let st = store::open_for_reading(&args.store.store)?;
    let settings = Settings {
        endpoint: args.endpoint.clone(),
        protocol: match args.protocol {
            PushProtocol::Gsp => Protocol::Gsp,
            PushProtocol::Update => Protocol::Update,
        },
        credentials,
        batch: args.batch,
        retries: args.retries,
        timeout: Duration::from_secs_f64(args.timeout),
    };
    let reports = push::push(&st, &settings, |r| match &r.error {
        None => printer.info(format!("pushed {} ({} triples, {} requests)", r.graph, r.triples, r.requests)),
        Some(e) => eprintln!("councilgraph: failed {}: {e}", r.graph),
    })?;
    let failed: Vec<&push::GraphReport> = reports.iter().filter(|r| r.error.is_some()).collect();
    let triples: usize = reports.iter().filter(|r| r.error.is_none()).map(|r| r.triples).sum();
    printer.info(format!(
        "councilgraph: pushed {} graphs, {triples} triples, to {}",
        reports.len() - failed.len(),
        args.endpoint
    ));
    if let Some(f) = failed.first() {
        anyhow::bail!(
            "{} graph{} not pushed to {}: {}",
            failed.len(),
            if failed.len() == 1 { "" } else { "s" },
            args.endpoint,
            f.error.as_deref().unwrap_or("")
        );
    }
    Ok(Status::Ok)
}
