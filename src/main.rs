//! The `councilgraph` binary: arguments → command → exit status.
//!
//! Exit status: 0 ok, 1 runtime error, 2 usage error (clap), 130 interrupted.

use clap::Parser;
use councilgraph::cli::Cli;
use councilgraph::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(status) => ExitCode::from(status.exit_code()),
        // A closed pipe (`| head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, with any control characters from the input shown escaped.
            eprintln!("councilgraph: error: {}", councilgraph::terminal::escape(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// True when the error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<oxigraph::store::StorageError>().is_some_and(
                |s| matches!(s, oxigraph::store::StorageError::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    }) || format!("{e:#}").contains("Broken pipe")
}
