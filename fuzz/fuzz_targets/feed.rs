//! Any bytes read as a feed input, then extracted: may be rejected, must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::InputFormat;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let docs =
        parallax_ingest::read_bytes(Path::new("fuzz.feed"), InputFormat::Feed, data.to_vec());
    for doc in docs.into_iter().flatten() {
        let _ = parallax_extract::extract(&doc);
    }
});
