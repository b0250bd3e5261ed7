fn main() {
    // Panic messages in the console while developing; release builds abort without one,
    // which keeps ~1 KB brotli of formatting code out of the wasm.
    #[cfg(all(debug_assertions, target_arch = "wasm32"))]
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    election_center::takeover::start();
}
