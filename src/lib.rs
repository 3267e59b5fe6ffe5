//! chronomap: strikes and attacks from a folder of news articles, on a map and a timeline.
//!
//! Data flows one way: `corpus` → `extract` → `store` → `ui` and `export`.
//! The core modules never depend on egui.

pub mod basemap;
pub mod briefing;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod store;
pub mod theme;
pub mod ui;
