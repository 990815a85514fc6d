//! Any query text sent to `serve`'s request handler, over loopback, as a
//! POST of application/sparql-query, and as a form. The endpoint runs once
//! per fuzzing process, over a small in-memory store; every request must
//! get an HTTP answer (a crash or a dead server is a finding).
#![no_main]

use councilgraph::serve::{self, Settings};
use libfuzzer_sys::fuzz_target;
use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef};
use oxigraph::store::Store;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

/// The councilgraph binary that runs the query workers: `COUNCILGRAPH_BIN`
/// (scripts/fuzz.sh sets it), else the release build beside the fuzz crate.
fn worker_program() -> PathBuf {
    std::env::var_os("COUNCILGRAPH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/release/councilgraph")))
}

fn endpoint() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cg-fuzz-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open(&dir).expect("store");
        let ex = NamedNodeRef::new("https://example.org/x").expect("iri");
        store.insert(QuadRef::new(ex, ex, ex, GraphNameRef::NamedNode(ex))).expect("insert");
        // the store's default graph holds the merge of its named graphs, as `build` keeps it
        store.insert(QuadRef::new(ex, ex, ex, GraphNameRef::DefaultGraph)).expect("insert");
        store.flush().expect("flush");
        let settings = Settings {
            bind: "127.0.0.1:0".into(),
            store: dir,
            base: "https://example.org/id/".into(),
            timeout: Duration::from_secs(2),
            read_timeout: Duration::from_secs(2),
            max_body: 1 << 20,
            allow_update: false,
            threads: 2,
            quiet: true,
            worker: Some(worker_program()),
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = serve::serve(store, &settings, |addr| {
                let _ = tx.send(addr);
            });
        });
        rx.recv().expect("the endpoint did not start")
    })
}

fn post(content_type: &str, body: &[u8]) -> u16 {
    let mut s = TcpStream::connect(endpoint()).expect("the endpoint is gone");
    let head = format!(
        "POST /sparql HTTP/1.0\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write");
    s.write_all(body).expect("write");
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0)
}

fuzz_target!(|data: &[u8]| {
    assert_ne!(post("application/sparql-query", data), 0, "no HTTP answer");
    let mut form = b"query=".to_vec();
    form.extend_from_slice(data);
    assert_ne!(post("application/x-www-form-urlencoded", &form), 0, "no HTTP answer");
});
