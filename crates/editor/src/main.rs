//! Election Center's editor, at `/<lang>/editor` (`content::route::Editor`): open, drop or
//! type Markdown pages, see every problem `content-cli check` would report, at its line,
//! as you type, and the page as voters will get it. Everything runs here, in the browser:
//! the checker and the renderer are the `content` crate's own (its `build` feature), the
//! preview is the voter app's own shell and components (`election_center::preview`), and
//! nothing opened or typed is sent anywhere (`net.rs` is the only code that makes requests:
//! it fetches the published site's manifests, once).
//!
//! The same wasm runs twice: as the editor, and inside the editor's preview frame (the same
//! page with `?preview`), where it draws the page the editor posts to it (`frame.rs`).

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod frame;
#[cfg(target_arch = "wasm32")]
mod net;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        let search = leptos::prelude::window()
            .location()
            .search()
            .unwrap_or_default();
        if search == "?preview" {
            frame::start_preview();
        } else {
            app::start();
        }
    }
}
