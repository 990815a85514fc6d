//! Any text through the whole per-document pipeline (segment, extract,
//! resolve, quads), without the document boundary's panic catching, so an
//! extractor bug is a crash here. The quads must be valid N-Quads.
#![no_main]

use councilgraph::ingest::Document;
use councilgraph::pipeline;
use councilgraph::resolve::Iris;
use libfuzzer_sys::fuzz_target;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let graph = pipeline::process(&Document::from_text("doc", "doc.txt", text), &Iris::default());
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &graph.quads {
        ser.serialize_quad(q).expect("serialize");
    }
    let bytes = ser.finish().expect("finish");
    let back = RdfParser::from_format(RdfFormat::NQuads).for_slice(&bytes).count();
    assert_eq!(back, graph.quads.len());
});
