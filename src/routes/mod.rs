//! One module per route, named after it.

pub mod country;
pub mod home;
pub mod not_found;
pub mod section;
