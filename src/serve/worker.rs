//! A query worker process (`councilgraph serve-worker`, started by `serve`):
//! reads jobs, one JSON line each, on stdin; answers each on stdout with a
//! JSON head line (status, type, length) and the body; exits when stdin
//! closes, even in the middle of a query, so it never outlives `serve`.

use super::execute::Job;
use super::reply::Reply;
use crate::query::guard;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

#[derive(Serialize, Deserialize)]
struct Head {
    status: u16,
    content_type: String,
    length: usize,
}

/// Sends a job to a worker.
pub fn send(to: &mut impl Write, job: &Job) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(job)?;
    line.push(b'\n');
    to.write_all(&line)?;
    to.flush()
}

/// Reads a worker's reply.
pub fn receive(from: &mut impl BufRead) -> std::io::Result<Reply> {
    let mut line = String::new();
    if from.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let head: Head = serde_json::from_str(&line)?;
    let mut body = vec![0; head.length];
    from.read_exact(&mut body)?;
    Ok(Reply::new(head.status, &head.content_type, body))
}

fn write_reply(out: &mut impl Write, reply: &Reply) -> std::io::Result<()> {
    let head = Head { status: reply.status, content_type: reply.content_type.clone(), length: reply.body.len() };
    let mut line = serde_json::to_vec(&head)?;
    line.push(b'\n');
    out.write_all(&line)?;
    out.write_all(&reply.body)?;
    out.flush()
}

/// The worker's loop; returns when stdout closes (stdin closing ends the
/// process).
pub fn run(store: Store) -> std::io::Result<()> {
    let (tx, jobs) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
        // serve has gone: stop now, whatever is running
        std::process::exit(0);
    });
    let stdout = std::io::stdout();
    for line in jobs {
        let reply = match serde_json::from_str::<Job>(&line) {
            Ok(job) => {
                let store = store.clone();
                guard::on_query_stack(move || job.run(&store))
                    .unwrap_or_else(|| Reply::text(500, "the query failed in its worker"))
            }
            Err(e) => Reply::text(500, format!("the worker could not read its job: {e}")),
        };
        write_reply(&mut stdout.lock(), &reply)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_survive_the_pipe() {
        let mut buf = Vec::new();
        let reply = Reply::new(200, "text/csv", "a\r\n1\r\n\nx");
        write_reply(&mut buf, &reply).unwrap_or_else(|e| panic!("{e}"));
        write_reply(&mut buf, &Reply::text(503, "late")).unwrap_or_else(|e| panic!("{e}"));
        let mut r = std::io::BufReader::new(buf.as_slice());
        let first = receive(&mut r).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (first.status, first.content_type.as_str(), first.body.as_slice()),
            (200, "text/csv", &b"a\r\n1\r\n\nx"[..])
        );
        assert_eq!(receive(&mut r).map(|r| r.status).ok(), Some(503));
        assert!(receive(&mut r).is_err());
    }
}
