//! Any bytes read as JSON Lines, from a file and from standard input: each
//! line a document or a skipped line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let r = councilgraph::ingest::read_bytes("batch.jsonl", data);
    let lines = String::from_utf8_lossy(data).lines().count();
    assert!(r.documents.len() + r.skipped.len() <= lines.max(1));
    let _ = councilgraph::ingest::read_bytes("-", data);
});
