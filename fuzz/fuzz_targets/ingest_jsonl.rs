//! Any bytes read as JSON Lines, from a file and from standard input: each
//! line a document or a skipped line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for source in ["batch.jsonl", "-"] {
        let r = councilgraph::ingest::read_bytes(source, data);
        for d in &r.documents {
            assert!(!d.text.chars().any(councilgraph::ingest::is_forbidden));
        }
    }
});
