//! Reading a corpus: files and folders in, cleaned `Article`s and warnings out.

mod types;

pub use types::*;
