//! `councilgraph push`: graphs to an external store, one line per graph.

use super::{checks, Printer, Status};
use crate::cli::{PushArgs, PushProtocol};
use crate::graph::store;
use crate::push::{self, auth::Credentials, Protocol, Settings};

/// The largest `--batch` and `--retries` accepted.
const MAX_BATCH: usize = 10_000_000;
const MAX_RETRIES: u32 = 20;

pub fn run(args: &PushArgs, printer: Printer) -> anyhow::Result<Status> {
    // A password in the URL is taken out of it, so it is never printed.
    let (endpoint, in_url) = push::split_userinfo(&args.endpoint);
    let credentials = match (&args.user, &args.password_env) {
        (Some(user), Some(var)) => {
            let password = std::env::var(var)
                .map_err(|_| anyhow::anyhow!("the environment variable {var} (from --password-env) is not set"))?;
            Some(Credentials { user: user.clone(), password })
        }
        _ => in_url,
    };
    let timeout = checks::seconds("--timeout", args.timeout)?;
    let batch = checks::within("--batch", args.batch, 1, MAX_BATCH)?;
    let retries = checks::within("--retries", args.retries, 0, MAX_RETRIES)?;
    let st = store::open_for_reading(&args.store.store)?;
    let settings = Settings {
        endpoint: endpoint.clone(),
        protocol: match args.protocol {
            PushProtocol::Gsp => Protocol::Gsp,
            PushProtocol::Update => Protocol::Update,
        },
        credentials,
        batch,
        retries,
        timeout,
    };
    let reports = push::push(&st, &settings, |r| match &r.error {
        None => printer.info(format!("pushed {} ({} triples, {} requests)", r.graph, r.triples, r.requests)),
        Some(e) if r.is_partial() => printer.failed(
            &r.graph,
            &format!("{e}; the remote graph is partial: it holds {} of the {} triples", r.sent, r.triples),
        ),
        Some(e) => printer.failed(&r.graph, e),
    })?;
    let failed: Vec<&push::GraphReport> = reports.iter().filter(|r| r.error.is_some()).collect();
    let triples: usize = reports.iter().filter(|r| r.error.is_none()).map(|r| r.triples).sum();
    printer.info(format!(
        "councilgraph: pushed {} graphs, {triples} triples, to {endpoint}",
        reports.len() - failed.len()
    ));
    if let Some(f) = failed.first() {
        let partial: Vec<&str> = failed.iter().filter(|r| r.is_partial()).map(|r| r.graph.as_str()).collect();
        anyhow::bail!(
            "{} graph{} not pushed to {endpoint}{}: {}",
            failed.len(),
            if failed.len() == 1 { "" } else { "s" },
            if partial.is_empty() {
                String::new()
            } else {
                format!(" (left partial on the remote: {})", partial.join(", "))
            },
            f.error.as_deref().unwrap_or("")
        );
    }
    Ok(Status::Ok)
}
