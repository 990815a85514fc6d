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
    let pushed = push::push(&st, &settings, |r| match &r.error {
        None => printer.info(format!(
            "pushed {} ({} triples, {} request{})",
            r.graph,
            r.triples,
            r.requests,
            if r.requests == 1 { "" } else { "s" }
        )),
        Some(e) if r.is_partial() => printer.failed(
            &r.graph,
            &format!("{e}; the remote graph is partial: it holds {} of the {} triples", r.sent, r.triples),
        ),
        Some(e) => printer.failed(&r.graph, e),
    })?;
    for g in &pushed.untried {
        printer.info(format!("not tried {g}"));
    }
    printer.info(summary(&pushed, &endpoint));
    outcome(&pushed, &endpoint)
}

/// The closing line: graphs pushed, failed and not tried, of how many.
fn summary(p: &push::Pushed, endpoint: &str) -> String {
    let ok: Vec<&push::GraphReport> = p.reports.iter().filter(|r| r.error.is_none()).collect();
    let triples: usize = ok.iter().map(|r| r.triples).sum();
    let total = p.reports.len() + p.untried.len();
    let mut line = format!("councilgraph: pushed {} of {total} graphs ({triples} triples) to {endpoint}", ok.len());
    let failed = p.reports.len() - ok.len();
    if failed > 0 {
        line.push_str(&format!("; {failed} failed"));
    }
    if !p.untried.is_empty() {
        line.push_str(&format!("; {} not tried (the push stopped at the first failure)", p.untried.len()));
    }
    line
}

/// Exit status 1, with one line, when any graph failed or was not tried.
fn outcome(p: &push::Pushed, endpoint: &str) -> anyhow::Result<Status> {
    let failed: Vec<&push::GraphReport> = p.reports.iter().filter(|r| r.error.is_some()).collect();
    let Some(first) = failed.first() else { return Ok(Status::Ok) };
    let partial: Vec<&str> = failed.iter().filter(|r| r.is_partial()).map(|r| r.graph.as_str()).collect();
    let missing = failed.len() + p.untried.len();
    // what to do, when the endpoint could not be reached at all
    let hint = if first.error.as_deref().is_some_and(|e| e.contains("gave up")) {
        "; check that the endpoint is up and --endpoint is right, then push again (each graph is replaced, not duplicated)"
    } else {
        ""
    };
    anyhow::bail!(
        "{missing} graph{} not pushed to {endpoint} ({} failed{}){}: {}{hint}",
        if missing == 1 { "" } else { "s" },
        failed.len(),
        if p.untried.is_empty() { String::new() } else { format!(", {} not tried", p.untried.len()) },
        if partial.is_empty() {
            String::new()
        } else {
            format!(" (left partial on the remote: {})", partial.join(", "))
        },
        first.error.as_deref().unwrap_or("")
    );
}
