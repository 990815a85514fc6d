//! `councilgraph explain`: an entity's facts with their sources.

use super::{Printer, Status};
use crate::cli::ExplainArgs;
use crate::graph::store;
use crate::query::explain;
use std::io::Write;

pub fn run(args: &ExplainArgs, _printer: Printer) -> anyhow::Result<Status> {
    let st = store::open_for_reading(&args.store.store)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let n = explain::explain(&st, &args.name, &mut out)?;
    out.flush()?;
    if n == 0 {
        anyhow::bail!("nothing in the graph is named like {:?}", args.name);
    }
    Ok(Status::Ok)
}
