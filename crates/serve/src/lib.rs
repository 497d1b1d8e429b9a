//! The HTTP API and the web page (not built yet; see issue tracker).
