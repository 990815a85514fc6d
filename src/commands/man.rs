//! `councilgraph man`: manual pages (roff) from the clap definition, one for
//! the program and one per command, printed or written to a folder.

use super::{Printer, Status};
use crate::cli::{Cli, ManArgs};
use anyhow::Context;
use clap::CommandFactory;
use std::io::Write;

pub fn run(args: &ManArgs, printer: Printer) -> anyhow::Result<Status> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    if let Some(dir) = &args.dir {
        return write_all(cmd, dir, printer);
    }
    let page = match &args.command {
        None => cmd,
        Some(name) => command(&cmd, name)?,
    };
    let mut buf = Vec::new();
    man(page).render(&mut buf)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Status::Ok)
}

/// A command's page, its footer naming the program and version.
fn man(page: clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(page).source(format!("councilgraph {}", env!("CARGO_PKG_VERSION")))
}

/// The visible command called `name`, or an error that lists them.
fn command(cmd: &clap::Command, name: &str) -> anyhow::Result<clap::Command> {
    let visible = || cmd.get_subcommands().filter(|s| !s.is_hide_set());
    match visible().find(|s| s.get_name() == name) {
        Some(s) => Ok(s.clone()),
        None => {
            let names: Vec<&str> = visible().map(clap::Command::get_name).collect();
            anyhow::bail!("no command {name:?} has a manual page: give one of {}", names.join(", "))
        }
    }
}

/// Every page into `dir`, each named on stderr.
fn write_all(cmd: clap::Command, dir: &std::path::Path, printer: Printer) -> anyhow::Result<Status> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut pages = vec![cmd.clone()];
    pages.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    for page in pages {
        let man = man(page);
        let path = man.generate_to(dir).with_context(|| format!("writing a manual page into {}", dir.display()))?;
        printer.info(format!("wrote {}", path.display()));
    }
    Ok(Status::Ok)
}
