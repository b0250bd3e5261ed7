//! One module per route, named after it.

pub mod country;
pub mod home;
pub mod section;
