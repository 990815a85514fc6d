//! One file per subcommand: each wires the stages together and owns its
//! output. Data goes to stdout; messages, progress and summaries to stderr.

mod build;
mod build_summary;
mod build_write;
mod checks;
mod completions;
mod explain;
mod export;
mod extract;
mod load;
mod man;
mod push;
mod query;
mod serve;

use crate::cli::{Cli, Command};
use crate::terminal::escape;
use std::io::IsTerminal;

/// Messages for people, on stderr, unless --quiet; control characters in
/// them (from file names, articles, servers) are shown escaped.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub quiet: bool,
    pub progress: bool,
}

impl Printer {
    pub fn from_cli(cli: &Cli) -> Self {
        let quiet = cli.global.quiet;
        Self { quiet, progress: !quiet && !cli.global.no_progress && std::io::stderr().is_terminal() }
    }

    /// The same printer with its informational lines off (when stdout
    /// carries a summary of its own); warnings and failures still show.
    pub fn silenced(self) -> Self {
        Self { quiet: true, ..self }
    }

    /// A line on stderr (not shown with --quiet).
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", escape(msg.as_ref()));
        }
    }

    /// A warning on stderr (always shown).
    pub fn warn(&self, msg: impl AsRef<str>) {
        eprintln!("councilgraph: warning: {}", escape(msg.as_ref()));
    }

    /// One input or graph that failed, and why, on stderr (always shown).
    pub fn failed(&self, what: &str, why: &str) {
        eprintln!("councilgraph: failed {}: {}", escape(what), escape(why));
    }
}

/// What a command asks the process to exit with, when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Some inputs failed; the rest was done.
    Partial,
    /// Stopped by Ctrl-C or SIGTERM after finishing the work in hand.
    Interrupted,
}

impl Status {
    /// The process exit code: 0 ok, 1 failure, 130 interrupted (usage
    /// errors, 2, come from clap before any command runs).
    pub fn exit_code(self) -> u8 {
        match self {
            Self::Ok => 0,
            Self::Partial => 1,
            Self::Interrupted => 130,
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    let printer = Printer::from_cli(&cli);
    match cli.command {
        Command::Build(a) => build::run(&a, printer),
        Command::Load(a) => load::run(&a, printer),
        Command::Query(a) => query::run(&a, printer),
        Command::Export(a) => export::run(&a, printer),
        Command::Extract(a) => extract::run(&a, printer),
        Command::Explain(a) => explain::run(&a, printer),
        Command::Serve(a) => serve::run(&a, printer),
        Command::Push(a) => push::run(&a, printer),
        Command::Completions(a) => completions::run(&a),
        Command::Man(a) => man::run(&a, printer),
        Command::ServeWorker(a) => serve::worker(&a),
    }
}
