//! The `councilgraph` binary: arguments → command → exit status.

use clap::Parser;
use councilgraph::cli::Cli;
use councilgraph::commands::{self, Status};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::Partial) => ExitCode::from(1),
        Err(e) => {
            // A closed pipe (`| head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) || format!("{e:#}").contains("Broken pipe")
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("councilgraph: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
