//! Shared helpers for the bench binaries (scorers, table printing).
