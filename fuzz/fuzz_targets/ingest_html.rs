//! Any bytes read as an HTML page: main text and metadata, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let r = councilgraph::ingest::read_bytes("page.html", data);
    for d in &r.documents {
        assert!(!d.text.trim().is_empty());
        assert!(!d.text.chars().any(councilgraph::ingest::is_forbidden));
    }
});
