//! The egui desktop app. It reads the `Store` and changes state only through `Command`s,
//! applied once per frame.

pub mod command;
