//! `councilgraph completions SHELL`: a completion script from the clap
//! definition, on stdout.

use super::Status;
use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;
use std::io::Write;

pub fn run(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "councilgraph", &mut buf);
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Status::Ok)
}
