//! One connection: read a request against its deadline, answer it, log it,
//! and go on while the client keeps the connection alive.

use super::http::{Connection, ReadError};
use super::reply::Reply;
use super::{protocol, Shared};
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Serves requests on `stream` until the client closes it, asks to, sends
/// a request that cannot be read, or stays silent past the read timeout.
pub fn serve(shared: &Shared, stream: TcpStream, peer: SocketAddr) {
    let settings = &shared.settings;
    let _ = stream.set_write_timeout(Some(settings.read_timeout.max(Duration::from_secs(1))));
    let _ = stream.set_nodelay(true);
    let mut conn = Connection::new(stream);
    loop {
        let started = Instant::now();
        match conn.read_request(settings.read_timeout, settings.max_body) {
            Ok(request) => {
                let reply = protocol::respond(shared, &request);
                let keep = request.keep_alive;
                let head_only = request.method.eq_ignore_ascii_case("HEAD");
                log(shared, peer, &request.method, request.path(), &reply, started);
                let written = reply.into_response().write_to(&mut conn.stream, head_only, keep);
                if written.is_err() || !keep {
                    return;
                }
            }
            Err(ReadError::Closed) => return,
            Err(ReadError::Refuse(status, msg)) => {
                let reply = Reply::text(status, msg);
                log(shared, peer, "-", "-", &reply, started);
                let _ = reply.into_response().write_to(&mut conn.stream, false, false);
                drain(&mut conn.stream);
                return;
            }
        }
    }
}

/// After refusing a request whose body is still coming, reads (and drops)
/// a little of it before closing, so the client sees the answer rather than
/// a reset connection.
fn drain(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 16 * 1024];
    let mut left: usize = 4 * 1024 * 1024;
    while left > 0 {
        match std::io::Read::read(stream, &mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// Answers 503 to a connection over the limit, without reading it.
pub fn too_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let reply = Reply::text(503, "too many connections: try again shortly").with_header("Retry-After", "1");
    let _ = reply.into_response().write_to(&mut stream, false, false);
    let _ = stream.flush();
}

fn log(shared: &Shared, peer: SocketAddr, method: &str, path: &str, reply: &Reply, started: Instant) {
    if shared.settings.quiet {
        return;
    }
    let path: String = path.chars().map(|c| if c.is_control() { '?' } else { c }).take(200).collect();
    let method: String = method.chars().filter(|c| c.is_ascii_alphabetic() || *c == '-').take(16).collect();
    eprintln!("{peer} {method} {path} {} {}B {}ms", reply.status, reply.body.len(), started.elapsed().as_millis());
}
