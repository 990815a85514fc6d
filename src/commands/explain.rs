//! `councilgraph explain`: an entity's facts with their sources.

use super::{Printer, Status};
use crate::cli::ExplainArgs;
use crate::graph::store;
use crate::query::explain;
use std::io::Write;

pub fn run(args: &ExplainArgs, _printer: Printer) -> anyhow::Result<Status> {
    let (n, buf) = store::read_with_retry(&args.store.store, |st| -> anyhow::Result<_> {
        store::check_layout(st, &args.store.store)?;
        let mut buf = Vec::new();
        Ok((explain::explain(st, &args.name, &mut buf)?, buf))
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&buf)?;
    out.flush()?;
    if n == 0 {
        anyhow::bail!("nothing in the graph is named like {:?}", args.name);
    }
    Ok(Status::Ok)
}
